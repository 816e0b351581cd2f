/**
 * GPS tracking: the doors positions come in by (OsmAnd/Traccar HTTP and the JSON batch on its own Netty port, MQTT
 * through the HiveMQ MQTT Client; both doors in {@code tracking.internal}, which no other capability touches), the one
 * {@link id.siaga.tracking.PositionPipeline} they share (decode, validate, index, notify, keep), the live index
 * of each unit's last position ({@link id.siaga.tracking.LivePositions}) and the track history port
 * ({@link id.siaga.tracking.TrackStore}) with its group-commit writer, which answers a door only once its fixes are in the
 * database or in a local spool forced to disk. Refusals are journalled, throttled. Uses the
 * journal and Micrometer (Netty and the MQTT client only in {@code internal}); never dispatch, incident, web or telephony
 * (dispatch uses tracking, not the other way round), and no SQL (that is {@code store}).
 */
package id.siaga.tracking;
