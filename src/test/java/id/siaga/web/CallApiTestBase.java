package id.siaga.web;

import id.siaga.app.PresenceService;
import id.siaga.telephony.CallCoordinator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo service over real HTTP with the SIP edge off and the test playing the phones through
 * {@link CallDriver}: the logins, the client and the two READY positions (Polres Sleman, Polres Bantul)
 * that the call and call-back API tests share. One context for both classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:callapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/callapitests-spool.jsonl", "siaga.telephony.enabled=false"})
abstract class CallApiTestBase {

    static final String AUTH = "Authorization";
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String SLEMAN_OPERATOR_2 = Http.basic("operator.sleman2", "siaga110");
    static final String BANTUL_OPERATOR = Http.basic("operator.bantul1", "siaga110");
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String SLEMAN_OFFICER = Http.basic("officer.sleman", "siaga110");

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;

    Http http;
    CallDriver calls;

    @BeforeEach
    void phonesAndOperators() {
        http = new Http(port);
        calls = new CallDriver(coordinator, presence);
        calls.ready("OP-3404-1", "OP-3402-1");
    }
}
