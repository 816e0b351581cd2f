/**
 * Tracking's doors, which no other capability touches: the OsmAnd/Traccar HTTP server on its own Netty port and
 * the MQTT door on the HiveMQ MQTT Client (MQTT 5). Both hand what they receive to
 * {@link id.siaga.tracking.PositionPipeline} and answer from its outcome (HTTP: the response; MQTT: the acknowledgement,
 * sent only once the pipeline has taken or refused the message); everything else uses the pipeline, the live
 * positions and the track port in {@code id.siaga.tracking}. Only {@code app}, which builds the doors, may name these
 * classes (ModularityTests). Netty and the MQTT client are used here and nowhere else.
 */
package id.siaga.tracking.internal;
