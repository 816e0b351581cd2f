package id.siaga.telephony;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.location.DemoRegion;
import id.siaga.location.JurisdictionIndex;
import id.siaga.location.Jurisdictions;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.location.LocationSource;
import id.siaga.location.Locator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationStatusStore;
import id.siaga.routing.EscalationLadder;
import id.siaga.routing.EscalationMode;
import id.siaga.routing.RingPolicy;
import id.siaga.support.ManualClock;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole call path of the demo region (Polda DIY, its five Polres, Mabes) in plain Java: the real station tree,
 * jurisdictions, presence board, escalation ladder, location policy, journal, call records and call-back tasks, driven
 * by a {@link ManualCallLoop} on a {@link ManualClock} that starts at {@link #T0} (08:00 WIB). The phone network is a
 * {@link RecordingCallControl}. Every demo operator starts OFFLINE. The only place scenario tests build the pipeline.
 */
final class CallPathFixture implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Instant T0 = Instant.parse("2026-12-03T01:00:00Z");

    static final StationId MABES = StationId.of("MABES");
    static final StationId POLDA_DIY = StationId.of("POLDA-DIY");
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId BANTUL = StationId.of("POLRES-3402");
    static final StationId KOTA_YOGYAKARTA = StationId.of("POLRES-3471");

    /** A handset's own GPS fix (PIDF-LO by value) in Sleman, near the Polres. */
    static final LocationFix GPS_IN_SLEMAN = new LocationFix(-7.7156, 110.3558, 12, LocationSource.PIDF_LO, "GPS", Optional.empty());
    /** Only the serving cell, in Sleman, good to two kilometres. */
    static final LocationFix CELL_IN_SLEMAN = new LocationFix(-7.7500, 110.3600, 2000, LocationSource.CELL_ID, "Cell", Optional.empty());
    /** An AML (handset GNSS) fix in Bantul, south of Kota Yogyakarta. */
    static final LocationFix AML_IN_BANTUL = new LocationFix(-7.8886, 110.3300, 8, LocationSource.AML, "GPS", Optional.empty());

    /** Ring times, escalation mode, the wait for a better fix, and what counts as a call cut off after the answer. */
    record Settings(Duration polresRingTime, Duration poldaRingTime, EscalationMode mode, Duration routeWait, Duration shortCall) {

        /** As production ships: 10 s a tier, WIDEN, a 2 s wait for a better fix than a cell, 5 s short call. */
        static final Settings DEMO = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(10), EscalationMode.WIDEN,
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        Settings ringTimes(Duration polres, Duration polda) {
            return new Settings(polres, polda, mode, routeWait, shortCall);
        }

        Settings mode(EscalationMode to) {
            return new Settings(polresRingTime, poldaRingTime, to, routeWait, shortCall);
        }

        Settings routeWait(Duration wait) {
            return new Settings(polresRingTime, poldaRingTime, mode, wait, shortCall);
        }

        Settings shortCall(Duration shortest) {
            return new Settings(polresRingTime, poldaRingTime, mode, routeWait, shortest);
        }
    }

    final ManualClock clock = new ManualClock(T0);
    final ManualCallLoop loop = new ManualCallLoop(clock);
    final StationDirectory stations;
    final PresenceBoard presence;
    final RecordingCallControl network;
    final CallCoordinator calls;
    final List<MediaControl.Request> media = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final InMemoryJournalStore journalStore = new InMemoryJournalStore();
    private final Journal journal;
    private final InMemoryCallRecordStore records = new InMemoryCallRecordStore();
    private final InMemoryCallbackTaskStore tasks = new InMemoryCallbackTaskStore();

    static CallPathFixture start(Path dir) {
        return start(dir, Settings.DEMO);
    }

    static CallPathFixture start(Path dir, Settings settings) {
        return new CallPathFixture(dir, settings);
    }

    private CallPathFixture(Path dir, Settings settings) {
        journal = new Journal(journalStore, new JournalSpool(dir.resolve("journal-spool.jsonl")), clock, 100, 10_000, Duration.ofMillis(50));
        Jurisdictions region = DemoRegion.load();
        stations = new StationDirectory(region.tree(), new StatusesInMemory(), clock);
        OperatorRoster roster = OperatorRoster.read(new InputStreamReader(getClass().getClassLoader().getResourceAsStream("demo/operators.csv"),
                StandardCharsets.UTF_8), "demo/operators.csv", region.tree());
        presence = new PresenceBoard(roster, clock);
        Locator locator = new Locator(new JurisdictionIndex(region, 20_000), stations);
        EscalationLadder ladder = new EscalationLadder(new RingPolicy(Map.of(StationKind.POLSEK, settings.polresRingTime(),
                StationKind.POLRES, settings.polresRingTime(), StationKind.POLDA, settings.poldaRingTime()), settings.mode()));
        LocationPolicy locationPolicy = new LocationPolicy(new LocationFusion(Duration.ofMinutes(2), Duration.ofHours(1)), settings.routeWait(), true,
                Duration.ofMinutes(10));
        CallbackTasks callbacks = new CallbackTasks(tasks, journal, clock);
        // as in production: the pipeline's own presence changes (BUSY in a call, READY after) go through the same
        // door as an operator's, so a READY one reaches the pipeline again
        calls = new CallCoordinator(locator, stations, presence, change -> set(change.operator().value(), change.to()), ladder, journal,
                clock, POLDA_DIY, settings.shortCall(), callbacks::open, locationPolicy, loop, loop);
        calls.recordInto(records::save);
        network = RecordingCallControl.attachTo(calls);
        calls.attach(media::add);
    }

    /** The prompts the pipeline asked the media plane to play or stop for this call, in order: "Prompt menunggu", "StopPrompt". */
    List<String> prompts(CallId call) {
        synchronized (media) {
            return media.stream().filter(r -> r.call().equals(call))
                    .filter(r -> r instanceof MediaControl.Request.Prompt || r instanceof MediaControl.Request.PromptInCall
                            || r instanceof MediaControl.Request.StopPrompt)
                    .map(r -> r instanceof MediaControl.Request.Prompt p ? "Prompt " + p.prompt()
                            : r instanceof MediaControl.Request.PromptInCall c ? "PromptInCall " + c.prompt() : "StopPrompt").toList();
        }
    }

    // ---- the organisation ----------------------------------------------------------------------------

    /** These operators log in READY. */
    void ready(String... operators) {
        for (String op : operators) {
            set(op, Presence.READY);
        }
    }

    /** An operator's presence changes, and the pipeline hears of it as the presence service would tell it. */
    void set(String operator, Presence to) {
        presence.change(new OperatorId(operator), to).ifPresent(changed -> {
            journal.append("OperatorPresenceChanged", SubjectKind.OPERATOR, operator, "test", Map.of("from", changed.from(), "to", to));
            calls.presenceChanged(changed);
        });
    }

    Presence presenceOf(String operator) {
        return presence.presenceOf(new OperatorId(operator));
    }

    /** A station is taken out of service for 110 (PLANNED or SUSPENDED) or brought back (LIVE). */
    void rollout(StationId station, RolloutStatus status) {
        stations.changeStatus(station, status, "test");
    }

    // ---- the phones ------------------------------------------------------------------------------------

    /** A caller dials 110 with this fix (null: none), from an unknown network address. */
    CallId dials(String callId, String caller, LocationFix fix) {
        return dialsFrom(callId, caller, fix, null);
    }

    /** A caller dials 110 with this fix, the INVITE coming from {@code source} (a trunk's or a phone's address). */
    CallId dialsFrom(String callId, String caller, LocationFix fix, String source) {
        CallId id = new CallId(callId);
        calls.offer(new IncomingCall(id, caller, "110", fix == null ? List.of() : List.of(fix), List.of(), null, null, source));
        return id;
    }

    void answers(CallId call, String operator) {
        network.answer(call, operator);
    }

    /** Time passes; every timer of the pipeline that falls due runs at its own time. */
    void advance(Duration by) {
        loop.advance(by);
    }

    /** What the pipeline asked of the network for this call, in order: "ringing", "ringLeg OP-3404-1", "rejectCaller"… */
    List<String> commands(CallId call) {
        return network.commands().stream().filter(c -> c.call().equals(call))
                .map(c -> c.leg() == null ? c.what() : c.what() + " " + c.leg().operator().value()).toList();
    }

    /** The operators whose phones were rung for this call, in order. */
    List<String> rang(CallId call) {
        return commands(call).stream().filter(c -> c.startsWith("ringLeg ")).map(c -> c.substring("ringLeg ".length())).toList();
    }

    // ---- what was kept ---------------------------------------------------------------------------------

    /** The call's journal, oldest first, once everything appended so far is committed. */
    List<JournalEntry> story(CallId call) {
        journal.append("sync", SubjectKind.SYSTEM, "test", "test", Map.of()).join();
        return journalStore.bySubject(SubjectKind.CALL, call.value(), 10_000).stream().sorted(Comparator.comparingLong(JournalEntry::seq)).toList();
    }

    List<String> journalTypes(CallId call) {
        return story(call).stream().map(JournalEntry::type).toList();
    }

    /** The payload of the first entry of that type, read as a map (numbers as Integer or Double, arrays as lists). */
    Map<String, Object> payload(CallId call, String type) {
        List<Map<String, Object>> all = payloads(call, type);
        if (all.isEmpty()) {
            throw new AssertionError("no " + type + " in the journal of " + call + ": " + journalTypes(call));
        }
        return all.get(0);
    }

    /** The payloads of every entry of that type, oldest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> payloads(CallId call, String type) {
        return story(call).stream().filter(e -> e.type().equals(type)).map(e -> (Map<String, Object>) JSON.readValue(e.payload(), Map.class))
                .toList();
    }

    Optional<CallRecord> record(CallId call) {
        return records.find(call);
    }

    /** Every call-back task opened for this call, at any station. */
    List<CallbackTask> callbackTasks(CallId call) {
        List<StationId> everywhere = stations.tree().all().stream().map(Station::id).toList();
        return tasks.atStations(everywhere, true, 10_000).stream().filter(t -> t.call().equals(call)).toList();
    }

    /** Ids of the calls still live, oldest first. */
    List<String> live() {
        return calls.live().stream().map(CallView::id).toList();
    }

    @Override
    public void close() {
        calls.close();
        journal.close();
    }

    /** Rollout statuses set at run time, kept in a map. */
    private static final class StatusesInMemory implements StationStatusStore {
        private final Map<StationId, RolloutStatus> statuses = new HashMap<>();

        @Override
        public synchronized Map<StationId, RolloutStatus> all() {
            return Map.copyOf(statuses);
        }

        @Override
        public synchronized void save(StationId station, RolloutStatus status, String changedBy, Instant at) {
            statuses.put(station, status);
        }
    }
}
