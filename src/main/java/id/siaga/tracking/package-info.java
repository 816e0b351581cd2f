/**
 * GPS tracking: the doors positions come in by (OsmAnd/Traccar HTTP on its own Netty port, the JSON batch, MQTT
 * through Paho), the one {@link id.siaga.tracking.PositionPipeline} they share (decode, validate, index, persist,
 * notify), the live index of each unit's last position ({@link id.siaga.tracking.LivePositions}) and the track
 * history port ({@link id.siaga.tracking.TrackStore}) with its batching writer. Refusals are journalled, throttled.
 * Uses the journal, Netty, Paho and Micrometer; never dispatch, incident, web or telephony (dispatch uses tracking,
 * not the other way round), and no SQL (that is {@code store}).
 */
package id.siaga.tracking;
