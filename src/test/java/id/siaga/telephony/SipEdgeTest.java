package id.siaga.telephony;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import id.siaga.support.SipTestPorts;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running service as SIPp meets it: the demo region, the SIP edge on a free port of 127.0.0.1 (SipTestPorts), two-second Polres and
 * Polda ring times, static contacts for the SIPp phones, and the HTTP API on a random port (for AML). Every test class with this annotation shares one
 * started service (Spring caches the context), so they never compete for the port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SipTestPorts.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sipcalls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/sipcalls-spool.jsonl",
        "siaga.telephony.sip-port=${siaga.test.sip.edge}",
        // a cell-only call waits this long for its AML; the tests post one during the wait, so it must outlast a busy
        // machine's journal poll and HTTP round trip (2 s did not, once, with both test JVMs and a cluster test busy)
        "siaga.location.route-wait=4s",
        "siaga.routing.polres-ring-time=2s",
        "siaga.routing.polda-ring-time=2s",
        "siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:${siaga.test.sip.op-3404-1}",
        "siaga.telephony.phones.OP-3404-2=sip:op-3404-2@127.0.0.1:${siaga.test.sip.op-3404-2}",
        "siaga.telephony.phones.OP-DIY-1=sip:op-diy-1@127.0.0.1:${siaga.test.sip.op-diy-1}",
        "siaga.telephony.phones.OP-MABES-1=sip:op-mabes-1@127.0.0.1:${siaga.test.sip.op-mabes-1}",
        "siaga.telephony.phones.OP-3402-1=sip:op-3402-1@127.0.0.1:${siaga.test.sip.op-3402-1}"})
public @interface SipEdgeTest {

    /** The SIP edge's port in these tests (a free one, chosen once per run). */
    int EDGE = SipTestPorts.EDGE;
}
