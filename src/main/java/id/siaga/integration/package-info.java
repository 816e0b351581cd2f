/**
 * Siaga 110 talking to the world outside the police: the citizen's status link for a report (created when an
 * incident with a caller number opens, handed to the SMS gateway's webhook) and the public, personal-data-free
 * view behind it; the webhooks to other police apps (Binmas Online System, Polisiku): subscribers, what each stored
 * change tells them ({@code WebhookChanges}, written to the outbox by the store in the change's own transaction), the
 * signature ({@code WebhookSignature}) and the delivery worker with its retries and dead letters ({@code WebhookSender});
 * the EIDO export in {@code integration.eido}. Reads incidents and dispatch through their public APIs; never touches the
 * web, store or telephony internals.
 */
package id.siaga.integration;
