package id.siaga.location;

/** How an Advanced Mobile Location message reached us; the same handset may send both for one call. */
public enum AmlTransport {
    /** A text or data SMS to the AML number (ETSI TS 103 625). */
    SMS,
    /** An HTTPS POST of form fields (Android Emergency Location Service, fields after ETSI TS 103 625). */
    HTTPS
}
