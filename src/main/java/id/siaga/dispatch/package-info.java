/**
 * Field units, recommendation of the nearest available unit by ETA, alerts, acknowledgements and unit
 * status. Plain Java; may use incident and tracking. Built with the CAD issue.
 */
package id.siaga.dispatch;
