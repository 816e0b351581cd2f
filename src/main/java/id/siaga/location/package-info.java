/**
 * Where a caller is and whose jurisdiction that is: geodesy, the jurisdiction polygons of every station,
 * the in-memory point-in-polygon index, and the location sources: PIDF-LO by value from the SIP INVITE
 * (given header values and body bytes by the SIP adapter, never the SIP stack's objects), later AML, cell
 * id and number prefix. Plain Java on JTS and the JDK's XML parser: no Spring, no JDBC, no SIP. May use
 * {@code org}; nothing else.
 */
package id.siaga.location;
