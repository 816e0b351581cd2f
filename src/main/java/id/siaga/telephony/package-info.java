/**
 * Calls: the call pipeline (locate → route → ring → escalate → record), call legs, and the
 * {@link id.siaga.telephony.CallControl} port through which it drives phones. {@code telephony.sip} is the
 * JAIN-SIP adapter that implements the port and feeds SIP events in. Uses routing, location and org for
 * decisions and the journal for the record ({@code telephony.event}: one record per row the call path journals);
 * owns no SQL and no HTTP.
 */
package id.siaga.telephony;
