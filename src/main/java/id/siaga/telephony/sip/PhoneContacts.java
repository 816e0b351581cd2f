package id.siaga.telephony.sip;

import id.siaga.org.OperatorId;
import java.util.List;

/** Where an operator position's phone can be reached now: SIP URIs, from configuration or registration. */
@FunctionalInterface
public interface PhoneContacts {

    List<String> contactsFor(OperatorId operator);
}
