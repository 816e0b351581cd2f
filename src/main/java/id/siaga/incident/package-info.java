/**
 * The incident aggregate (CAD): type, priority, address, notes, the responsible station, duplicate
 * detection. Plain Java; may use location. Built with the CAD issue.
 */
package id.siaga.incident;
