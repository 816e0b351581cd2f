package id.siaga.telephony.event;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.location.LocationSource;
import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.routing.EscalationReason;
import id.siaga.telephony.CallId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller in Sleman dials 110 and the call path journals every step. Each row type, built the way the call path built
 * it before the records (a {@code Map.of} per row), is stored by the real journal; its record stores the very same
 * row, and {@link CallEvents#read} turns the row back into that record. Rows of older shapes, with keys missing or
 * extra, read back too; rows that are not call events, or lack what their type needs, read as nothing.
 */
class CallEventsTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T01:30:00Z"), ZoneOffset.UTC);
    static final CallId CALL = new CallId("7f3a9c1e-5d2b-4c8a-9e61-0b4f2d7a1c33");
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId DIY = StationId.of("POLDA-DIY");
    static final StationId MABES = StationId.of("MABES");
    static final OperatorId OP1 = new OperatorId("OP-3404-1");
    static final OperatorId OP2 = new OperatorId("OP-3404-2");

    @TempDir
    Path dir;
    Journal journal;

    @BeforeEach
    void open() {
        journal = new Journal(new InMemoryJournalStore(), new JournalSpool(dir.resolve("spool.jsonl")), CLOCK, 100, 1_000, Duration.ofMillis(50));
    }

    @AfterEach
    void close() {
        journal.close();
    }

    /** One row as the call path wrote it before the records, and the record that must write it now. */
    record Then(String type, String actor, Object payload, CallEvent now) {
    }

    /** The rows, with the expressions the call path used for them (CallCoordinator, CallbackTasks), literal values in. */
    static List<Then> rowsAsTheCallPathWroteThem() {
        String id = CALL.value();
        LocationFix gps = new LocationFix(-7.7156, 110.3558, 12, LocationSource.PIDF_LO, "GPS", Optional.of(Instant.parse("2026-11-29T01:29:58Z")));
        LocationFix cell = new LocationFix(-7.72, 110.36, Double.NaN, LocationSource.CELL_ID, "", Optional.empty());
        LocationFusion.Received received = new LocationFusion.Received(gps, CLOCK.instant(), true);
        LocationFusion.Received shownOnly = new LocationFusion.Received(cell, CLOCK.instant(), false);

        Map<String, Object> located = new LinkedHashMap<>();
        located.put("source", gps.source().name());
        located.put("lat", gps.latitude());
        located.put("lon", gps.longitude());
        located.put("uncertaintyMeters", gps.hasUncertainty() ? gps.uncertaintyMeters() : null);
        located.put("method", gps.method());
        located.put("measuredAt", received.measuredAt().toString());
        located.put("routable", received.routable());
        located.put("via", "call");
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("source", cell.source().name());
        shown.put("lat", cell.latitude());
        shown.put("lon", cell.longitude());
        shown.put("uncertaintyMeters", cell.hasUncertainty() ? cell.uncertaintyMeters() : null);
        shown.put("method", cell.method());
        shown.put("measuredAt", shownOnly.measuredAt().toString());
        shown.put("routable", shownOnly.routable());
        shown.put("via", "report before the call");
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("source", "NONE");
        none.put("problem", "the call carried no location");
        Map<String, Object> noneWithAreaCode = new LinkedHashMap<>(none);
        noneWithAreaCode.put("areaCodeStation", SLEMAN.value());
        Map<String, Object> reportAfterEnd = new LinkedHashMap<>();
        reportAfterEnd.put("source", gps.source().name());
        reportAfterEnd.put("via", "AML SMS");
        reportAfterEnd.put("lat", gps.latitude());
        reportAfterEnd.put("lon", gps.longitude());
        reportAfterEnd.put("uncertaintyMeters", gps.hasUncertainty() ? gps.uncertaintyMeters() : null);
        reportAfterEnd.put("afterEnd", true);
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("task", "task-1");
        opened.put("station", SLEMAN.value());
        opened.put("caller", "+6281200000001");
        opened.put("cutOffAfterAnswer", false);

        return List.of(
                new Then("CallOffered", "network", Map.of("caller", "+6281200000001", "dialled", "110"),
                        new CallOffered(CALL, "+6281200000001", "110")),
                new Then("CallLocated", "location", located,
                        CallLocated.fix(CALL, received, "call")),
                new Then("CallLocated", "location", shown,
                        CallLocated.fix(CALL, shownOnly, "report before the call")),
                new Then("CallLocated", "location", none,
                        new CallLocated.NoLocation(CALL, "the call carried no location", null)),
                new Then("CallLocated", "location", noneWithAreaCode,
                        new CallLocated.NoLocation(CALL, "the call carried no location", SLEMAN)),
                new Then("CallLocated", "location", reportAfterEnd,
                        CallLocated.afterEnd(CALL, gps, "AML SMS")),
                new Then("CallLocationUnavailable", "location", Map.of("problem", "the location server did not answer"),
                        new CallLocationUnavailable(CALL, "the location server did not answer")),
                new Then("RoutingWaits", "routing", Map.of("seconds", Duration.ofMillis(2500).toMillis() / 1000.0, "why", "only a cell so far"),
                        new RoutingWaits(CALL, 2.5, "only a cell so far")),
                new Then("CallRouted", "routing", Map.of("station", SLEMAN.value(), "stationName", "Polres Sleman",
                        "why", "PIDF_LO (±12 m), inside the jurisdiction", "chain", List.of(SLEMAN.value(), DIY.value(), MABES.value())),
                        new CallRouted(CALL, SLEMAN, "Polres Sleman", "PIDF_LO (±12 m), inside the jurisdiction", List.of(SLEMAN, DIY, MABES))),
                new Then("CallRerouted", "routing", Map.of("from", "POLRES-3471", "to", SLEMAN.value(),
                        "why", "re-routed by AML from Polresta Yogyakarta to Polres Sleman", "by", "AML",
                        "chain", List.of(SLEMAN.value(), DIY.value(), MABES.value())),
                        new CallRerouted(CALL, StationId.of("POLRES-3471"), SLEMAN, "re-routed by AML from Polresta Yogyakarta to Polres Sleman",
                                LocationSource.AML, List.of(SLEMAN, DIY, MABES))),
                new Then("LegRang", "routing", Map.of("operator", OP1.value(), "station", SLEMAN.value(), "tier", 0),
                        new LegRang(CALL, OP1, SLEMAN, 0)),
                new Then("LegFailed", OP2.value(), Map.of("operator", OP2.value(), "status", 486, "reason", "Busy Here"),
                        new LegFailed(CALL, OP2, 486, "Busy Here")),
                new Then("LegFailed", OP2.value(), Map.of("operator", OP2.value(), "status", 480, "reason", ""),
                        new LegFailed(CALL, OP2, 480, null)),
                new Then("CallEscalated", "routing", Map.of("from", SLEMAN.value(), "to", DIY.value(), "tier", 1, "reason", "TIMEOUT",
                        "missed", List.of(OP1.value(), OP2.value())),
                        new CallEscalated(CALL, SLEMAN, DIY, 1, EscalationReason.TIMEOUT, List.of(OP1, OP2))),
                new Then("CallEscalated", "routing", Map.of("from", DIY.value(), "to", MABES.value(), "tier", 2, "reason", "NOBODY_READY",
                        "missed", List.of()),
                        new CallEscalated(CALL, DIY, MABES, 2, EscalationReason.NOBODY_READY, List.of())),
                new Then("CallQueued", "routing", Map.of("station", MABES.value()),
                        new CallQueued(CALL, MABES)),
                new Then("LateAnswerReleased", OP2.value(), Map.of("operator", OP2.value()),
                        new LateAnswerReleased(CALL, OP2)),
                new Then("CallAnswered", "OP-DIY-1", Map.of("operator", "OP-DIY-1", "station", DIY.value(), "tier", 1,
                        "secondsToAnswer", 12.345, "responsibleStation", SLEMAN.value()),
                        new CallAnswered(CALL, new OperatorId("OP-DIY-1"), DIY, 1, 12.345, SLEMAN)),
                new Then("CallAbandoned", "caller", Map.of("secondsWaiting", 8.0, "tier", Math.max(0, 0), "station", SLEMAN.value()),
                        CallAbandoned.whileRinging(CALL, 8.0, 0, SLEMAN)),
                new Then("CallAbandoned", "caller", Map.of("secondsWaiting", 0.0, "tier", 0, "station", SLEMAN.value(), "beforeOffer", true),
                        CallAbandoned.beforeOffer(CALL, SLEMAN)),
                new Then("CallAbandoned", "liveness", Map.of("secondsWaiting", 31.5, "tier", 1, "station", DIY.value(),
                        "callerGone", "OPTIONS answered 481"),
                        CallAbandoned.callerGone(CALL, 31.5, 1, DIY, "OPTIONS answered 481")),
                new Then("CallEnded", "caller", Map.of("hungUpBy", "caller", "secondsTalking", Duration.ofMillis(95_250).toMillis() / 1000.0,
                        "operator", "OP-DIY-1"),
                        new CallEnded(CALL, "caller", 95.25, new OperatorId("OP-DIY-1"))),
                new Then("CallbackTaskOpened", "system", opened,
                        new CallbackTaskOpened(CALL, "task-1", SLEMAN, "+6281200000001", false)),
                new Then("CallbackTaskClaimed", "operator.sleman1", Map.of("task", "task-1"),
                        new CallbackTaskClaimed(CALL, "task-1")),
                new Then("CallbackTaskClosed", "operator.sleman1", Map.of("task", "task-1", "outcome", "called back, a misdial"),
                        new CallbackTaskClosed(CALL, "task-1", "called back, a misdial")));
    }

    @Test
    void everyRowTheCallPathWroteIsWrittenAlikeByItsRecordAndReadsBackAsIt() {
        for (Then then : rowsAsTheCallPathWroteThem()) {
            JournalEntry old = journal.append(then.type(), SubjectKind.CALL, CALL.value(), then.actor(), then.payload()).join();
            JournalEntry typed = journal.append(then.now(), then.actor()).join();

            assertThat(typed.type()).as(then.type()).isEqualTo(old.type());
            assertThat(typed.subjectKind()).isEqualTo(SubjectKind.CALL);
            assertThat(typed.subjectId()).isEqualTo(CALL.value());
            assertThat(typed.payload()).as("new %s rows look like old ones", then.type()).isEqualTo(old.payload());
            assertThat(CallEvents.read(old)).as("an old %s row reads back", then.type()).contains(then.now());
        }
    }

    @Test
    void everyRecordHasARowTestedAbove() {
        List<String> tested = rowsAsTheCallPathWroteThem().stream().map(Then::type).distinct().toList();
        List<String> records = java.util.Arrays.stream(CallEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList();
        List<String> newer = List.of("CallInterrupted", "CallRefused", "CallRecorded", "RecordingFailed", "RecordingPlayed", "RecordingExpired",
                "MediaUnavailable", "KeyPressed", "RecordingStarted", "CallFlagged", "CallGated", "GatePassed", "GateSkipped", "SilentPromptPlayed",
                "SilentEmergency");
        List<String> expected = tested;
        for (String type : newer) {
            expected = concat(expected, type);
        }
        assertThat(records).as("%s are new: no row of them was written before; their own tests are below", newer)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void literalRowsOfOlderShapesReadBack() {
        assertThat(CallEvents.read(row("CallLocated",
                "{\"lat\":-7.7156,\"lon\":110.3558,\"method\":\"GPS\",\"source\":\"PIDF_LO\",\"uncertaintyMeters\":12.0}")))
                .as("a fix from before the location history: no measuredAt, routable or via")
                .contains(new CallLocated.Fix(CALL, LocationSource.PIDF_LO, -7.7156, 110.3558, 12.0, "GPS", null, true, null));
        assertThat(CallEvents.read(row("CallLocated", "{\"problem\":\"the call carried no location\",\"source\":\"NONE\"}")))
                .contains(new CallLocated.NoLocation(CALL, "the call carried no location", null));
        assertThat(CallEvents.read(row("CallLocated",
                "{\"afterEnd\":true,\"lat\":-7.7156,\"lon\":110.3558,\"source\":\"PIDF_LO\",\"via\":\"HELD by reference\"}")))
                .as("a fix fetched by reference after the call ended carried no uncertainty")
                .contains(new CallLocated.AfterEnd(CALL, LocationSource.PIDF_LO, "HELD by reference", -7.7156, 110.3558, null));
        assertThat(CallEvents.read(row("CallAbandoned", "{\"secondsWaiting\":8.0,\"station\":\"POLRES-3404\",\"tier\":0}")))
                .contains(CallAbandoned.whileRinging(CALL, 8.0, 0, SLEMAN));
        assertThat(CallEvents.read(row("CallEscalated",
                "{\"from\":\"POLRES-3404\",\"missed\":[\"OP-3404-1\"],\"reason\":\"ALL_DECLINED\",\"someday\":{\"x\":1},\"tier\":1,"
                        + "\"to\":\"POLDA-DIY\"}")))
                .as("keys the record does not know are ignored")
                .contains(new CallEscalated(CALL, SLEMAN, DIY, 1, EscalationReason.ALL_DECLINED, List.of(OP1)));
        assertThat(CallEvents.read(row("LegFailed", "{\"operator\":\"OP-3404-2\",\"status\":603}")))
                .as("no reason reads as the empty one the call path writes")
                .contains(new LegFailed(CALL, OP2, 603, ""));
        assertThat(CallEvents.read(row("CallAnswered",
                "{\"operator\":\"OP-3404-1\",\"responsibleStation\":\"POLRES-3404\",\"secondsToAnswer\":4,\"station\":\"POLRES-3404\",\"tier\":0}")))
                .as("a whole number of seconds is still seconds")
                .contains(new CallAnswered(CALL, OP1, SLEMAN, 0, 4.0, SLEMAN));
    }

    @Test
    void aFixFetchedByReferenceAfterTheEndNowAlsoSaysItsUncertainty() {
        JournalEntry typed = journal.append(new CallLocated.AfterEnd(CALL, LocationSource.PIDF_LO, "HELD by reference", -7.7156, 110.3558, null),
                "location").join();
        assertThat(typed.payload()).isEqualTo("{\"afterEnd\":true,\"lat\":-7.7156,\"lon\":110.3558,\"source\":\"PIDF_LO\","
                + "\"uncertaintyMeters\":null,\"via\":\"HELD by reference\"}");
    }

    @Test
    void aCallClosedAtStartUpIsJournalledAndReadBack() {
        CallInterrupted interrupted = new CallInterrupted(CALL, "node restarted while the call was live", CallInterrupted.State.QUEUED, SLEMAN, 41.5);
        JournalEntry e = journal.append(interrupted, "recovery").join();

        assertThat(e.type()).isEqualTo("CallInterrupted");
        assertThat(e.payload()).isEqualTo("{\"reason\":\"node restarted while the call was live\",\"secondsSinceOffer\":41.5,"
                + "\"station\":\"POLRES-3404\",\"wasState\":\"QUEUED\"}");
        assertThat(CallEvents.read(e)).contains(interrupted);
    }

    @Test
    void aCallRefusedBeforeItRangIsJournalledAndReadBack() {
        CallRefused refused = new CallRefused(CALL, 503, "+6281200000001", "192.0.2.7", "too many unanswered calls from one source (30, limit 30)");
        JournalEntry e = journal.append(refused, "network").join();

        assertThat(e.type()).isEqualTo("CallRefused");
        assertThat(e.payload()).isEqualTo("{\"caller\":\"+6281200000001\",\"reason\":\"too many unanswered calls from one source (30, limit 30)\","
                + "\"source\":\"192.0.2.7\",\"status\":503}");
        assertThat(CallEvents.read(e)).contains(refused);
        assertThat(CallEvents.read(row("CallRefused", "{\"reason\":\"the call could not be offered\",\"status\":503}")))
                .as("caller and source unknown").contains(new CallRefused(CALL, 503, null, null, "the call could not be offered"));
    }

    @Test
    void theMediaPlanesRowsAreJournalledAndReadBack() {
        MediaUnavailable down = new MediaUnavailable(CALL, "offer", "rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries)");
        KeyPressed five = new KeyPressed(CALL, "5", "caller", 280);
        JournalEntry e = journal.append(down, "media").join();
        assertThat(e.payload()).isEqualTo("{\"reason\":\"rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries)\",\"step\":\"offer\"}");
        assertThat(CallEvents.read(e)).contains(down);
        JournalEntry key = journal.append(five, "media").join();
        assertThat(key.payload()).isEqualTo("{\"durationMs\":280,\"key\":\"5\",\"party\":\"caller\"}");
        assertThat(CallEvents.read(key)).contains(five);
        assertThat(CallEvents.read(row("KeyPressed", "{\"durationMs\":1,\"key\":\"x\",\"party\":\"caller\"}"))).as("no such key").isEmpty();
    }

    @Test
    void aFlaggedCallerIsJournalledWithWhatFlaggedItAndReadBack() {
        CallFlagged flagged = new CallFlagged(CALL, 2.87, 3, 2);
        JournalEntry e = journal.append(flagged, "screening").join();
        assertThat(e.payload()).isEqualTo("{\"calls1h\":2,\"pranks7d\":3,\"score\":2.87}");
        assertThat(CallEvents.read(e)).contains(flagged);
        assertThat(CallEvents.read(row("CallFlagged", "{\"score\":2.87}"))).as("what flagged it missing").isEmpty();
    }

    @Test
    void theGateAndTheSilentCallerAreJournalledAndReadBack() {
        List<CallEvent> events = List.of(new CallGated(CALL, SLEMAN, 10.0, 3.62), new GatePassed(CALL, true, 3.2), new GatePassed(CALL, false, 10.0),
                new GateSkipped(CALL, SLEMAN, "no media plane"), new SilentPromptPlayed(CALL, new id.siaga.org.OperatorId("OP-3404-1")),
                new SilentEmergency(CALL, SLEMAN, -7.7156, 110.3558, 12.0, "PIDF_LO"), new SilentEmergency(CALL, SLEMAN, null, null, null, "NONE"));
        for (CallEvent event : events) {
            JournalEntry e = journal.append(event, "screening").join();
            assertThat(CallEvents.read(e)).as(e.payload()).contains(event);
        }
        assertThat(journal.append(events.get(0), "screening").join().payload()).isEqualTo("{\"score\":3.62,\"station\":\"POLRES-3404\",\"waitSeconds\":10.0}");
        assertThat(CallEvents.read(row("CallGated", "{\"score\":3.62}"))).as("no station").isEmpty();
        assertThat(CallEvents.read(row("SilentEmergency", "{\"station\":\"POLRES-3404\"}"))).as("no source").isEmpty();
    }

    @Test
    void aRecordingUnderWayIsJournalledWithItsPcapSoThatARestartCanFinishIt() {
        String pcap = "/var/spool/siaga110/recordings/pcaps/a84b4c76e66710%40carrier.example-5e1d3c0f2a9b7c41.pcap";
        RecordingStarted started = new RecordingStarted(CALL, "192.0.2.10:2223", "a84b4c76e66710@carrier.example", List.of(pcap), 30_012);
        JournalEntry e = journal.append(started, "media").join();
        assertThat(e.payload()).isEqualTo("{\"mediaCallId\":\"a84b4c76e66710@carrier.example\",\"operatorPort\":30012,\"pcaps\":[\"" + pcap
                + "\"],\"rtpengine\":\"192.0.2.10:2223\"}");
        assertThat(CallEvents.read(e)).contains(started);
        assertThat(CallEvents.read(row("RecordingStarted", "{\"mediaCallId\":\"m\",\"pcaps\":[\"/p.pcap\"],\"rtpengine\":\"192.0.2.10:2223\"}")))
                .as("the operators' port unknown").contains(new RecordingStarted(CALL, "192.0.2.10:2223", "m", List.of("/p.pcap"), null));
        assertThat(CallEvents.read(row("RecordingStarted", "{\"mediaCallId\":\"m\",\"pcaps\":[],\"rtpengine\":\"192.0.2.10:2223\"}")))
                .as("no pcap").isEmpty();
        assertThat(CallEvents.read(row("RecordingStarted", "{\"mediaCallId\":\"m\",\"pcaps\":[1],\"rtpengine\":\"192.0.2.10:2223\"}")))
                .as("a pcap that is not a path").isEmpty();
    }

    @Test
    void aCallsRecordingIsJournalledFromKeepingThroughListensToExpiryAndReadBack() {
        String sha = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
        CallRecorded kept = new CallRecorded(CALL, SLEMAN, sha, 64_044, 2_001, "2026/11/29/" + CALL.value() + ".wav", true, null);
        CallRecorded cut = new CallRecorded(CALL, SLEMAN, sha, 30_124, 940, "2026/11/29/" + CALL.value() + ".wav", false,
                "the file ends inside the packet at byte 20421 (the recording was cut off)");
        RecordingFailed failed = new RecordingFailed(CALL, "no G.711 audio (PCMU or PCMA RTP) in the pcap: 3 other packets");
        RecordingPlayed played = new RecordingPlayed(CALL, true, 32_768);
        RecordingExpired expired = new RecordingExpired(CALL, sha, "2026/11/29/" + CALL.value() + ".wav", Instant.parse("2025-11-29T01:30:00Z"));

        JournalEntry e = journal.append(kept, "recording").join();
        assertThat(e.payload()).isEqualTo("{\"bytes\":64044,\"complete\":true,\"durationMs\":2001,\"file\":\"2026/11/29/" + CALL.value()
                + ".wav\",\"sha256\":\"" + sha + "\",\"station\":\"POLRES-3404\"}");
        assertThat(CallEvents.read(e)).contains(kept);
        assertThat(CallEvents.read(journal.append(cut, "recording").join())).contains(cut);
        assertThat(CallEvents.read(journal.append(failed, "recording").join())).contains(failed);
        JournalEntry listen = journal.append(played, "supervisor.diy").join();
        assertThat(listen.actor()).isEqualTo("supervisor.diy");
        assertThat(listen.payload()).isEqualTo("{\"fromByte\":32768,\"ranged\":true}");
        assertThat(CallEvents.read(listen)).contains(played);
        JournalEntry gone = journal.append(expired, "retention").join();
        assertThat(gone.payload()).contains("\"recordedAt\":\"2025-11-29T01:30:00Z\"");
        assertThat(CallEvents.read(gone)).contains(expired);
        assertThat(CallEvents.read(row("CallRecorded", "{\"bytes\":1.5,\"durationMs\":1,\"file\":\"f\",\"sha256\":\"s\",\"station\":\"POLRES-3404\"}")))
                .as("a length that is not a whole number").isEmpty();
        assertThat(CallEvents.read(row("RecordingExpired", "{\"file\":\"f\",\"sha256\":\"s\"}"))).as("no time").isEmpty();
    }

    @Test
    void rowsThatAreNoCallEventOrLackWhatTheyNeedReadAsNothing() {
        assertThat(CallEvents.read(row("CallerLocationRead", "{\"via\":\"GET /api/calls\"}"))).as("not a call-path event").isEmpty();
        assertThat(CallEvents.read(row("IncidentCreated", "{\"incident\":\"i-1\",\"station\":\"POLRES-3404\",\"type\":\"THEFT\"}"))).isEmpty();
        assertThat(CallEvents.read(row("CallEscalated", "{\"from\":\"POLRES-3404\",\"reason\":\"TIMEOUT\",\"tier\":1,\"to\":\"POLDA-DIY\"}")))
                .as("no missed list").isEmpty();
        assertThat(CallEvents.read(row("LegRang", "{\"operator\":\"OP 1\",\"station\":\"POLRES-3404\",\"tier\":0}")))
                .as("no such operator id").isEmpty();
        assertThat(CallEvents.read(row("LegRang", "{\"operator\":\"OP-3404-1\",\"station\":\"POLRES-3404\",\"tier\":\"0\"}")))
                .as("a tier that is a string").isEmpty();
        assertThat(CallEvents.read(row("CallQueued", "not json"))).isEmpty();
        assertThat(CallEvents.read(new JournalEntry(Journal.DEFAULT_NODE, 1, CLOCK.instant(), "CallQueued", SubjectKind.STATION, "MABES", "routing",
                "{\"station\":\"MABES\"}", "p", "h"))).as("not about a call").isEmpty();
    }

    @Test
    void aCallsStoryReadsAsTypesInItsOrder() {
        List<JournalEntry> story = List.of(
                row("CallOffered", "{\"caller\":\"+6281200000001\",\"dialled\":\"110\"}"),
                row("LegRang", "{\"operator\":\"OP-3404-1\",\"station\":\"POLRES-3404\",\"tier\":0}"),
                row("CallerLocationRead", "{\"via\":\"stream\"}"),
                row("LegRang", "{\"operator\":\"OP-3404-2\",\"station\":\"POLRES-3404\",\"tier\":0}"));

        assertThat(CallEvents.all(story, LegRang.class)).containsExactly(new LegRang(CALL, OP1, SLEMAN, 0), new LegRang(CALL, OP2, SLEMAN, 0));
        assertThat(CallEvents.all(story, CallEvent.class)).hasSize(3);
    }

    @Test
    void aReportThatMatchedNoCallIsWrittenAsBeforeAndReadBack() {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("source", "AML");
        about.put("via", "AML SMS");
        about.put("caller", "+6281200000001");
        about.put("kept", "up to 60 s for a call from this number");
        JournalEntry old = journal.append("LocationUnmatched", SubjectKind.SYSTEM, "location", "location", about).join();
        LocationUnmatched now = new LocationUnmatched("+6281200000001", LocationSource.AML, "AML SMS", "up to 60 s for a call from this number");
        JournalEntry typed = journal.append(now, "location").join();

        assertThat(typed.type()).isEqualTo(old.type());
        assertThat(typed.subjectKind()).isEqualTo(old.subjectKind());
        assertThat(typed.subjectId()).isEqualTo(old.subjectId());
        assertThat(typed.payload()).isEqualTo(old.payload());
        assertThat(CallEvents.unmatched(old)).contains(now);
        assertThat(CallEvents.read(old)).as("not about a call").isEmpty();
    }

    private static JournalEntry row(String type, String payload) {
        return new JournalEntry(Journal.DEFAULT_NODE, 1, CLOCK.instant(), type, SubjectKind.CALL, CALL.value(), "routing", payload, "prev", "hash");
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new java.util.ArrayList<>(list);
        all.add(more);
        return all;
    }
}
