/**
 * Where a caller is and whose jurisdiction that is: geodesy, the jurisdiction polygons of every station,
 * the in-memory point-in-polygon index, and (later) the location sources PIDF-LO, AML, cell id and
 * number prefix. Plain Java on JTS: no Spring, no JDBC, no SIP. May use {@code org}; nothing else.
 */
package id.siaga.location;
