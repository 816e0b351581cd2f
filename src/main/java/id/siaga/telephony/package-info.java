/**
 * Call legs and the CallControl port; telephony.sip is the JAIN-SIP B2BUA adapter that answers 110
 * INVITEs and rings operator phones. May use routing. Built with the SIP issue.
 */
package id.siaga.telephony;
