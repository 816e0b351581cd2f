/**
 * An incident as a NENA Emergency Incident Data Object (EIDO, NENA-STA-021.1b, JSON): the incident, its place, the 110
 * call it came from, its notes, the stations and people involved and the units sent, with the identifiers NENA-STA-010
 * prescribes, so another PSAP or agency system can take a 110 incident; and the notifier of the EIDO conveyance
 * (NENA-STA-024, {@link id.siaga.integration.eido.EidoSubscriptions}) that sends subscribers each change. Reads incidents and dispatch through their
 * public APIs and writes plain Jackson trees; never touches the web, store or telephony (the web hands it the call's
 * facts as an {@link id.siaga.integration.eido.EidoCall}).
 */
package id.siaga.integration.eido;
