/**
 * Siaga 110 talking to the world outside the police: the citizen's status link for a report (created when an
 * incident with a caller number opens, handed to the SMS gateway's webhook) and the public, personal-data-free
 * view behind it; the EIDO export in {@code integration.eido}; later the Binmas Online System and Polisiku webhooks.
 * Reads incidents and dispatch through their public APIs; never touches the web, store or telephony internals.
 */
package id.siaga.integration;
