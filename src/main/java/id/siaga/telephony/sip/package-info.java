/**
 * The SIP edge: a JAIN-SIP (NIST reference implementation) back-to-back user agent. It answers INVITEs to
 * 110 and its aliases from carrier trunks, turns each into an {@link id.siaga.telephony.IncomingCall}, and
 * implements {@link id.siaga.telephony.CallControl} by sending INVITE, CANCEL, ACK and BYE to operator
 * phones, responses to the caller, and an OPTIONS to a waiting caller to learn whether it is still there.
 * It decides nothing about routing or when to ask: that is the call pipeline's job.
 */
package id.siaga.telephony.sip;
