/**
 * Incidents (CAD): the {@link id.siaga.incident.Incident} aggregate (type, priority, location, caller, channel,
 * append-only notes, status steps, links, merges), the {@link id.siaga.incident.Incidents} service that opens and
 * moves them and flags possible duplicates, the {@link id.siaga.incident.IncidentStore} port and the events that
 * listeners (the journal, dispatch) are told. The responsible station is the jurisdiction of the incident's
 * location, whoever took the report. Plain Java with an injected Clock; may use location and org, never Spring,
 * JDBC, the journal, web or telephony.
 */
package id.siaga.incident;
