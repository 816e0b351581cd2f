/**
 * Where a caller is and whose jurisdiction that is: geodesy, the jurisdiction polygons of every station,
 * the in-memory point-in-polygon index, and the location sources, each read from plain values the edges
 * hand over (header values, body bytes, SMS text, form fields), never a SIP, servlet or SMS stack's
 * objects: PIDF-LO by value from the SIP INVITE, Advanced Mobile Location by SMS and HTTPS, the serving
 * cell from P-Access-Network-Info with the cell table, and a landline's area code. Plain Java on JTS and
 * the JDK's XML parser: no Spring, no JDBC, no SIP. May use {@code org}; nothing else.
 */
package id.siaga.location;
