package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Channel;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentType;
import id.siaga.incident.Incidents;
import id.siaga.incident.NewIncident;
import id.siaga.org.StationId;
import id.siaga.supervision.IncidentTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The supervisor board's reading of incidents, against the real incident service and dispatch desk: when a day holds
 * more incidents than one read returns, the figures say they cover the newest only, instead of quietly counting part of
 * the day as all of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:boardincidenttimestests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/boardincidenttimestests-spool.jsonl", "siaga.telephony.enabled=false"})
class BoardIncidentTimesTests {

    static final List<String> SLEMAN = List.of("POLRES-3404");

    @Autowired
    Incidents incidents;
    @Autowired
    DispatchDesk desk;

    @Test
    void moreIncidentsThanOneReadMakesTheFiguresPartialAndSaysSo() {
        Instant dayStart = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            incidents.create(new NewIncident(IncidentType.THEFT, null, IncidentLocation.of(-7.7156 + i * 0.01, 110.3558, 10.0,
                    IncidentLocation.Origin.REPORTED), null, "laporan " + i, null, null, Channel.external("POLISIKU", "PLK-" + i), null, null),
                    "api:polisiku", StationId.of("POLRES-3404"));
        }

        IncidentTimes.Read all = new BoardIncidentTimes(incidents, desk, 10).of(SLEMAN, dayStart);
        assertThat(all.incidents()).hasSize(3);
        assertThat(all.partial()).as("three incidents, ten per read").isFalse();

        IncidentTimes.Read cut = new BoardIncidentTimes(incidents, desk, 2).of(SLEMAN, dayStart);
        assertThat(cut.incidents()).hasSize(2);
        assertThat(cut.partial()).as("three incidents, two per read").isTrue();
    }
}
