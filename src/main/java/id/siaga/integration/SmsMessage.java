package id.siaga.integration;

import id.siaga.incident.IncidentId;

/**
 * One SMS for the gateway: the caller's number, the text and the status link it contains. The incident id is
 * for the journal only; it is not sent.
 */
public record SmsMessage(String to, String text, String link, IncidentId incident) {
}
