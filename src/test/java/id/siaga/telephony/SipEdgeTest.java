package id.siaga.telephony;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running service as SIPp meets it: the demo region, the SIP edge on 127.0.0.1:15060, two-second Polres and
 * Polda ring times, static contacts for the SIPp phones, and the HTTP API on a random port (for AML). Every test class with this annotation shares one
 * started service (Spring caches the context), so they never compete for the port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sipcalls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/sipcalls-spool.jsonl",
        "siaga.telephony.sip-port=" + SipEdgeTest.EDGE,
        "siaga.routing.polres-ring-time=2s",
        "siaga.routing.polda-ring-time=2s",
        "siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:15071",
        "siaga.telephony.phones.OP-3404-2=sip:op-3404-2@127.0.0.1:15072",
        "siaga.telephony.phones.OP-DIY-1=sip:op-diy-1@127.0.0.1:15073",
        "siaga.telephony.phones.OP-MABES-1=sip:op-mabes-1@127.0.0.1:15074",
        "siaga.telephony.phones.OP-3402-1=sip:op-3402-1@127.0.0.1:15076"})
public @interface SipEdgeTest {

    /** The SIP edge's port in these tests. */
    int EDGE = 15060;
}
