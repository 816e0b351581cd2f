/**
 * Tracking's doors, which no other capability touches: the OsmAnd/Traccar HTTP server on its own Netty port and
 * the MQTT client on Paho. Both hand what they receive to {@link id.siaga.tracking.PositionPipeline} and answer
 * from its outcome; everything else uses the pipeline, the live positions and the track port in
 * {@code id.siaga.tracking}. Only {@code app}, which builds the doors, may name these classes (ModularityTests).
 * Netty and Paho are used here and nowhere else.
 */
package id.siaga.tracking.internal;
