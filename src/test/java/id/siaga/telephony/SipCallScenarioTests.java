package id.siaga.telephony;

import id.siaga.support.SipTestPorts;
import static id.siaga.telephony.CallStories.all;
import static id.siaga.telephony.CallStories.payload;
import static id.siaga.telephony.CallStories.sleep;
import static id.siaga.telephony.CallStories.types;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.app.StationAdministration;
import id.siaga.org.RolloutStatus;
import id.siaga.org.StationId;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.support.Sipp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 110 calls end to end, with SIPp as the caller and as the operators' phones, against the demo region with
 * two-second ring times. Each story is checked twice: by SIPp (every message as scripted) and by the journal.
 */
@SipEdgeTest
class SipCallScenarioTests {

    static final int EDGE = SipEdgeTest.EDGE;
    static final String EDGE_ADDRESS = "127.0.0.1:" + EDGE;
    static final Map<String, String> IN_SLEMAN = Map.of("lat", "-7.71560", "lon", "110.35580");
    static final Map<String, String> MALIOBORO = Map.of("lat", "-7.79260", "lon", "110.36580");

    @Autowired
    PresenceService presence;
    @Autowired
    OperatorRoster roster;
    @Autowired
    JournalStore journal;
    @Autowired
    StationAdministration administration;
    @Autowired
    CallbackTasks callbacks;
    @Autowired
    id.siaga.org.PresenceBoard board;

    @BeforeAll
    static void sippInstalled() {
        Sipp.requireInstalled();
    }

    @BeforeEach
    void everyoneOffline() {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
    }

    void ready(String... operators) {
        for (String op : operators) {
            presence.change(new OperatorId(op), Presence.READY, "test");
        }
    }

    @Test
    void aCallerInSlemanIsAnsweredByPolresSlemanTalksAndHangsUp() {
        ready("OP-3404-1");
        try (Sipp phone = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 500);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000001", IN_SLEMAN), 6000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(phone.await(30)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = story("+6281200000001", "CallEnded");
        assertThat(types(story)).containsSubsequence("CallOffered", "CallLocated", "CallRouted", "LegRang", "CallAnswered", "CallEnded");
        assertThat(payload(story, "CallLocated")).contains("\"source\":\"PIDF_LO\"");
        assertThat(payload(story, "CallRouted")).contains("\"station\":\"POLRES-3404\"");
        assertThat(payload(story, "CallAnswered")).contains("\"operator\":\"OP-3404-1\"").contains("\"tier\":0");
        assertThat(payload(story, "CallEnded")).contains("\"hungUpBy\":\"caller\"");
    }


    @Test
    void slemanLetsItRingSoPoldaDiyIsAddedAnswersAndSlemansPhonesAreCancelled() {
        ready("OP-3404-1", "OP-3404-2", "OP-DIY-1");
        try (Sipp sleman1 = Sipp.phone("phone-never.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp sleman2 = Sipp.phone("phone-never.xml", SipTestPorts.OP_3404_2, 1, 0);
             Sipp diy = Sipp.phone("phone-answer.xml", SipTestPorts.OP_DIY_1, 1, 300);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000002", IN_SLEMAN), 6000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(sleman1.await(30)).as(sleman1.output()).isZero();
            assertThat(sleman2.await(30)).as(sleman2.output()).isZero();
            assertThat(diy.await(30)).as(diy.output()).isZero();
        }
        List<JournalEntry> story = story("+6281200000002", "CallEnded");
        assertThat(types(story)).containsSubsequence("CallRouted", "LegRang", "LegRang", "CallEscalated", "LegRang", "CallAnswered", "CallEnded");
        assertThat(payload(story, "CallEscalated")).contains("\"from\":\"POLRES-3404\"").contains("\"to\":\"POLDA-DIY\"")
                .contains("\"reason\":\"TIMEOUT\"").contains("\"missed\":[\"OP-3404-1\",\"OP-3404-2\"]");
        assertThat(payload(story, "CallAnswered")).contains("\"operator\":\"OP-DIY-1\"").contains("\"tier\":1")
                .contains("\"responsibleStation\":\"POLRES-3404\"");
    }

    @Test
    void polresAndPoldaNeverAnswerSoMabesDoes() {
        ready("OP-3404-1", "OP-DIY-1", "OP-MABES-1");
        try (Sipp sleman = Sipp.phone("phone-never.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp diy = Sipp.phone("phone-never.xml", SipTestPorts.OP_DIY_1, 1, 0);
             Sipp mabes = Sipp.phone("phone-answer.xml", SipTestPorts.OP_MABES_1, 1, 300);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000003", IN_SLEMAN), 6000, 1)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(sleman.await(30)).as(sleman.output()).isZero();
            assertThat(diy.await(30)).as(diy.output()).isZero();
            assertThat(mabes.await(30)).as(mabes.output()).isZero();
        }
        List<JournalEntry> story = story("+6281200000003", "CallEnded");
        assertThat(all(story, e -> e.type().equals("CallEscalated"))).extracting(JournalEntry::payload)
                .satisfiesExactly(first -> assertThat(first).contains("\"to\":\"POLDA-DIY\"").contains("TIMEOUT"),
                        second -> assertThat(second).contains("\"to\":\"MABES\"").contains("TIMEOUT").contains("\"missed\":[\"OP-DIY-1\"]"));
        assertThat(payload(story, "CallAnswered")).contains("\"operator\":\"OP-MABES-1\"").contains("\"tier\":2");
    }

    @Test
    void withNobodyReadyAtPolresSlemanPoldaDiyRingsAtOnce() {
        ready("OP-DIY-1");
        try (Sipp diy = Sipp.phone("phone-answer.xml", SipTestPorts.OP_DIY_1, 1, 200);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000004", IN_SLEMAN), 6000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(diy.await(30)).as(diy.output()).isZero();
        }
        List<JournalEntry> story = story("+6281200000004", "CallEnded");
        assertThat(payload(story, "CallEscalated")).contains("\"reason\":\"NOBODY_READY\"").contains("\"missed\":[]");
        assertThat(payload(story, "CallAnswered")).contains("\"operator\":\"OP-DIY-1\"").contains("\"tier\":1");
    }

    @Test
    void aPlannedPolresIsSkippedEvenWithItsOperatorReady() {
        ready("OP-3404-1", "OP-DIY-1");
        administration.changeStatus(StationId.of("POLRES-3404"), RolloutStatus.PLANNED, "test", "not yet staffed");
        try (Sipp diy = Sipp.phone("phone-answer.xml", SipTestPorts.OP_DIY_1, 1, 200);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000005", IN_SLEMAN), 6000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(diy.await(30)).as(diy.output()).isZero();
        } finally {
            administration.changeStatus(StationId.of("POLRES-3404"), RolloutStatus.LIVE, "test", "staffed");
        }
        List<JournalEntry> story = story("+6281200000005", "CallEnded");
        assertThat(payload(story, "CallEscalated")).contains("\"reason\":\"NOT_LIVE\"");
        assertThat(all(story, e -> e.type().equals("LegRang"))).extracting(JournalEntry::payload).noneMatch(p -> p.contains("OP-3404-1"));
    }

    @Test
    void aCallerWhoHangsUpWhileRingingLeavesACallBackTaskAtTheirPolres() {
        ready("OP-3404-1", "OP-3404-2");
        try (Sipp sleman1 = Sipp.phone("phone-never.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp sleman2 = Sipp.phone("phone-never.xml", SipTestPorts.OP_3404_2, 1, 0);
             Sipp caller = Sipp.caller("caller-hangup.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000006", IN_SLEMAN), 1000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(sleman1.await(30)).as(sleman1.output()).isZero();
            assertThat(sleman2.await(30)).as(sleman2.output()).isZero();
        }
        List<JournalEntry> story = story("+6281200000006", "CallbackTaskOpened");
        assertThat(types(story)).containsSubsequence("CallRouted", "LegRang", "LegRang", "CallAbandoned", "CallbackTaskOpened");
        assertThat(callbacks.store().atStations(List.of(StationId.of("POLRES-3404")), false, 100))
                .anySatisfy(t -> {
                    assertThat(t.callerNumber()).isEqualTo("+6281200000006");
                    assertThat(t.latitude()).isEqualTo(-7.7156);
                    assertThat(t.status()).isEqualTo(CallbackTask.Status.OPEN);
                });
    }

    @Test
    void twoPhonesAnsweringTogetherLeaveExactlyOneWinnerAndTheOtherIsReleased() {
        ready("OP-3404-1", "OP-3404-2");
        int sleman1Exit;
        int sleman2Exit;
        String phones;
        try (Sipp sleman1 = Sipp.phone("phone-race.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp sleman2 = Sipp.phone("phone-race.xml", SipTestPorts.OP_3404_2, 1, 0);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000007", IN_SLEMAN), 6000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            sleman1Exit = sleman1.await(30);
            sleman2Exit = sleman2.await(30);
            phones = sleman1.output() + "\n" + sleman2.output();
        }
        List<JournalEntry> story = story("+6281200000007", "CallEnded");
        assertThat(all(story, e -> e.type().equals("CallAnswered"))).as(phones).hasSize(1);
        if (sleman1Exit == 0 && sleman2Exit == 0) {
            // both phones' 200s reached the edge: the later one was accepted and hung up at once
            assertThat(all(story, e -> e.type().equals("LateAnswerReleased"))).as(phones).hasSize(1);
        } else {
            // the race can also go so that the winner's 200 is handled, and the loser CANCELled, before the loser's SIPp
            // has sent its own 200 (two cores, two SIPp processes): then there is no late answer to release, and SIPp
            // reports the CANCEL as unexpected; the edge must still have had exactly one winner
            assertThat(sleman1Exit == 0 || sleman2Exit == 0).as("one phone took the call\n" + phones).isTrue();
            assertThat(phones).as("the other phone lost to a CANCEL before its answer").contains("unexpected CANCEL");
            assertThat(all(story, e -> e.type().equals("LateAnswerReleased"))).as(phones).isEmpty();
        }
    }


    @Test
    void aPhoneThatRegistersWithDigestIsRungAtItsContactAndAWrongPasswordIsRefused() {
        try (Sipp wrong = Sipp.client("register-refused.xml", SipTestPorts.free(), EDGE_ADDRESS, Map.of("user", "op-3471-1", "contact_port", String.valueOf(SipTestPorts.REGISTERED_PHONE),
                "expires", "600"), List.of("-au", "op-3471-1", "-ap", "not-the-password"))) {
            assertThat(wrong.await(30)).as(wrong.output()).isZero();
        }
        try (Sipp register = Sipp.client("register.xml", SipTestPorts.free(), EDGE_ADDRESS, Map.of("user", "op-3471-1", "contact_port", String.valueOf(SipTestPorts.REGISTERED_PHONE),
                "expires", "600"), List.of("-au", "op-3471-1", "-ap", "siaga110"))) {
            assertThat(register.await(30)).as(register.output()).isZero();
        }
        ready("OP-3471-1");
        try (Sipp phone = Sipp.phone("phone-answer.xml", SipTestPorts.REGISTERED_PHONE, 1, 200);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000008", MALIOBORO), 6000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(phone.await(30)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = story("+6281200000008", "CallEnded");
        assertThat(payload(story, "CallAnswered")).contains("\"operator\":\"OP-3471-1\"").contains("\"station\":\"POLRES-3471\"");

        try (Sipp unregister = Sipp.client("register.xml", SipTestPorts.free(), EDGE_ADDRESS, Map.of("user", "op-3471-1", "contact_port", String.valueOf(SipTestPorts.REGISTERED_PHONE),
                "expires", "0"), List.of("-au", "op-3471-1", "-ap", "siaga110"))) {
            assertThat(unregister.await(30)).as(unregister.output()).isZero();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (board.presenceOf(new OperatorId("OP-3471-1")) != Presence.OFFLINE && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(board.presenceOf(new OperatorId("OP-3471-1"))).as("a phone that unregisters takes its position offline")
                .isEqualTo(Presence.OFFLINE);
    }


    @Test
    void holdAndDtmfAreRelayedAcrossTheAnsweredCallInBothDirections() {
        ready("OP-3404-1");
        try (Sipp phone = Sipp.phone("phone-reinvite.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp caller = Sipp.caller("caller-reinvite.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000010", IN_SLEMAN), 6000, 1)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        assertThat(types(story("+6281200000010", "CallEnded"))).containsSubsequence("CallAnswered", "CallEnded");
    }

    @Test
    void aCallerWithoutSdpInTheInviteGetsThePhonesOfferAndThePhoneGetsTheCallersAnswerInTheAck() {
        ready("OP-3404-1");
        try (Sipp phone = Sipp.phone("phone-late-offer.xml", SipTestPorts.OP_3404_1, 1, 200);
             Sipp caller = Sipp.caller("caller-late-offer.xml", SipTestPorts.free(), EDGE_ADDRESS, "110", keys("081200000011", IN_SLEMAN), 1000, 1)) {
            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(phone.await(30)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = story("+6281200000011", "CallEnded");
        assertThat(types(story)).containsSubsequence("CallOffered", "CallLocated", "CallRouted", "LegRang", "CallAnswered", "CallEnded");
        assertThat(payload(story, "CallRouted")).contains("\"station\":\"POLRES-3404\"");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static Map<String, String> keys(String caller, Map<String, String> where) {
        Map<String, String> keys = new java.util.HashMap<>(where);
        keys.put("caller", caller);
        return keys;
    }

    /** The journal of the call from this number, oldest first, once it holds an entry of type {@code until}. */
    List<JournalEntry> story(String callerNumber, String until) {
        return CallStories.story(journal, callerNumber, until);
    }
}
