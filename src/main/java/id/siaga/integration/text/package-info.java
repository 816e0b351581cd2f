/**
 * Text to 110 (issue 18): callers who cannot speak or hear write to 110 by SMS (or chat). The gateway's message
 * ({@code InboundText}) joins the number's open conversation or opens one, attached to the number's open incident or
 * to a new one, at the station the number's latest handset fix (AML) points to, else the default station with
 * "lokasi tidak diketahui" ({@code TextDesk}). A conversation nobody takes climbs the station chain like a ringing call
 * ({@code TextEscalation}); the operators' replies and the automatic first reply go out from the durable outbox in the
 * database ({@code TextReplySender}). Plain Java behind the {@code TextStore} port: it reads the station tree, the
 * jurisdictions and the incidents through their public APIs; whatever happens is told to a {@code TextEvents} listener,
 * which the wiring journals.
 */
package id.siaga.integration.text;
