/**
 * GPS ingestion from devices (OsmAnd HTTP, MQTT), the live positions index and track history. Uses no
 * other capability. Built with the CAD issue.
 */
package id.siaga.tracking;
