package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.AML_IN_BANTUL;
import static id.siaga.telephony.CallPathFixture.CELL_IN_SLEMAN;
import static id.siaga.telephony.CallPathFixture.GPS_IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AML between the nodes of a cluster, told on one node's call path: a report no live call here takes is passed to the
 * other nodes; a report another node passed on joins this node's call, now or when it is offered within the minute, and
 * joins an ended call here only when the receiving node joined it to none of its own.
 */
class ReportRelayScenarioTests {

    @TempDir
    Path dir;
    CallPathFixture region;
    final List<ReportRelay.Report> passed = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeTheRegion() {
        if (region != null) {
            region.close();
        }
    }

    private void inACluster() {
        region = CallPathFixture.start(dir);
        region.calls.relayReportsWith(r -> passed.add(r));
    }

    private ReportRelay.Report fromSiaga2(String caller, boolean endedCallFound) {
        return new ReportRelay.Report("siaga-2", caller, AML_IN_BANTUL, true, Optional.empty(), "AML over SMS", region.clock.instant(),
                endedCallFound);
    }

    @Test
    void aReportNoLiveCallHereTakesIsPassedOnAndOneALiveCallTakesIsNot() {
        inACluster();
        region.ready("OP-3404-1");
        CallId call = region.dials("call-here", "+6281200000201", GPS_IN_SLEMAN);

        region.calls.locationReport("+6281200000201", AML_IN_BANTUL, true, Optional.empty(), "AML over SMS");
        region.calls.locationReport("+6281200000202", AML_IN_BANTUL, true, Optional.empty(), "AML over HTTPS");

        assertThat(region.payloads(call, "CallLocated")).anySatisfy(p -> assertThat(p).containsEntry("source", "AML"));
        assertThat(passed).singleElement().satisfies(r -> {
            assertThat(r.callerNumber()).isEqualTo("+6281200000202");
            assertThat(r.via()).isEqualTo("AML over HTTPS");
            assertThat(r.endedCallFound()).isFalse();
            assertThat(r.receivedAt()).isEqualTo(CallPathFixture.T0);
        });
    }

    @Test
    void aReportAnotherNodePassedOnWaitsForTheCallOfferedHereAndSendsItToBantul() {
        inACluster();
        region.ready("OP-3404-1", "OP-3402-1");
        region.calls.reportFromElsewhere(fromSiaga2("+6281200000203", false));

        region.advance(Duration.ofSeconds(20));
        CallId call = region.dials("call-late", "+6281200000203", CELL_IN_SLEMAN);

        assertThat(region.rang(call)).as("routed by the report siaga-2 received").containsExactly("OP-3402-1");
        assertThat(region.payloads(call, "CallLocated")).anySatisfy(p -> assertThat(p).containsEntry("source", "AML")
                .containsEntry("via", "report before the call"));
        assertThat(passed).as("a report from another node is not passed on again").isEmpty();
    }

    @Test
    void aReportJoinsACallThatJustEndedHereOnlyWhenTheReceivingNodeJoinedItToNoneOfItsOwn() {
        inACluster();
        region.ready("OP-3404-1");
        CallId call = region.dials("call-ended", "+6281200000204", GPS_IN_SLEMAN);
        region.answers(call, "OP-3404-1");
        region.advance(Duration.ofSeconds(30));
        region.calls.callerHungUp(call);
        region.advance(Duration.ofSeconds(5));

        region.calls.reportFromElsewhere(fromSiaga2("+6281200000204", true));
        assertThat(region.payloads(call, "CallLocated")).as("siaga-2 joined it to its own ended call").noneMatch(p -> "AML".equals(p.get("source")));

        region.calls.reportFromElsewhere(fromSiaga2("+6281200000204", false));
        assertThat(region.payloads(call, "CallLocated")).anySatisfy(p -> assertThat(p).containsEntry("source", "AML")
                .containsEntry("via", "AML over SMS, received by node siaga-2"));
    }
}
