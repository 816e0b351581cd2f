package id.siaga.integration;

import id.siaga.incident.IncidentId;

/**
 * One SMS for the gateway: the caller's number, the text and the status link it contains. The incident id is
 * for the journal only; it is not sent (null for a message about no incident: a warning to a number that pranks 110).
 */
public record SmsMessage(String to, String text, String link, IncidentId incident) {
}
