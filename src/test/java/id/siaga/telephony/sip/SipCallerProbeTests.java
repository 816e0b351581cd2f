package id.siaga.telephony.sip;

import id.siaga.support.SipTestPorts;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.journal.SubjectKind;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.support.RawSipSocket;
import id.siaga.support.Sipp;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallView;
import id.siaga.telephony.CallbackTask;
import id.siaga.telephony.CallbackTasks;
import id.siaga.telephony.SipEdgeTest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The edge asks a caller who is still waiting whether it is there: an OPTIONS in the early dialog its 180 created,
 * to where the INVITE came from. The caller is a raw UDP socket, so the test decides what it answers: 200 and the
 * call rings on; 481, or nothing at all until Timer F, and the call ends as abandoned with a call-back task. With
 * everyone offline the calls wait in the Mabes queue. Until the call pipeline schedules probes (every
 * siaga.telephony.caller-probe-interval), the test asks for one itself through the edge's call control.
 */
@SipEdgeTest
class SipCallerProbeTests {

    private static final int EDGE = SipEdgeTest.EDGE;
    private static final int PHONE = SipTestPorts.OP_3404_1; // OP-3404-1's static contact in @SipEdgeTest

    @Autowired
    SipEdge edge;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;
    @Autowired
    OperatorRoster roster;
    @Autowired
    JournalStore journal;
    @Autowired
    CallbackTasks callbacks;

    @BeforeAll
    static void sippInstalled() {
        Sipp.requireInstalled();
    }

    @BeforeEach
    void everyoneOffline() {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
    }

    @Test
    void aCallerWhoAnswersTheProbeKeepsRinging() throws Exception {
        try (RawSipSocket caller = new RawSipSocket(0, Duration.ofSeconds(3))) {
            String invite = invite(caller.port(), "081200000041");
            caller.send(invite, EDGE);
            String ringing = caller.next(t -> t.startsWith("SIP/2.0 180")).orElseThrow(() -> new AssertionError("no 180")).text();
            CallId id = liveCall("+6281200000041");

            edge.callControl().probeCaller(id);
            RawSipSocket.Datagram options = caller.next(t -> t.startsWith("OPTIONS ")).orElseThrow(() -> new AssertionError("no OPTIONS"));
            caller.reply(RawSipSocket.response(options.text(), "200 OK", ""), options);
            // in the early dialog (RFC 3261 §12.2.1.1): to the caller's Contact, our tag in From, the caller's in To
            assertThat(options.text()).startsWith("OPTIONS sip:081200000041@caller.invalid:5099 SIP/2.0\r\n")
                    .contains("Call-ID: " + value(invite, "Call-ID") + "\r\n")
                    .containsPattern("(?m)^From: .*;tag=" + Pattern.quote(tag(value(ringing, "To"))) + "\\s*$")
                    .containsPattern("(?m)^To: .*;tag=" + Pattern.quote(tag(value(invite, "From"))) + "\\s*$")
                    .containsPattern("(?m)^CSeq: \\d+ OPTIONS\\s*$");

            // nothing ends the call: only a retransmission of the OPTIONS sent before our 200 arrived (answered alike)
            // and keep-alive 180s may come, until a read waits in vain
            for (Optional<RawSipSocket.Datagram> d = caller.receive(); d.isPresent(); d = caller.receive()) {
                if (d.get().text().startsWith("OPTIONS ")) {
                    caller.reply(RawSipSocket.response(d.get().text(), "200 OK", ""), d.get());
                } else {
                    assertThat(d.get().text()).as("only ringing while the caller waits").startsWith("SIP/2.0 180");
                }
            }
            assertThat(coordinator.live()).filteredOn(c -> c.id().equals(id.value())).extracting(CallView::state).containsExactly("RINGING");

            caller.send(invite.replaceFirst("^INVITE ", "CANCEL ").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"), EDGE);
            String terminated = caller.next(t -> t.startsWith("SIP/2.0 487")).orElseThrow(() -> new AssertionError("no 487")).text();
            caller.send(ack(invite, terminated), EDGE);
        }
    }

    @Test
    void aCallerWhoseSideKnowsNoSuchCallEndsAbandonedWithACallBackTask() throws Exception {
        CallId id;
        try (RawSipSocket caller = new RawSipSocket(0, Duration.ofSeconds(5))) {
            String invite = invite(caller.port(), "081200000042");
            caller.send(invite, EDGE);
            assertThat(caller.next(t -> t.startsWith("SIP/2.0 180"))).isPresent();
            id = liveCall("+6281200000042");

            edge.callControl().probeCaller(id);
            RawSipSocket.Datagram options = caller.next(t -> t.startsWith("OPTIONS ")).orElseThrow(() -> new AssertionError("no OPTIONS"));
            caller.reply(RawSipSocket.response(options.text(), "481 Call/Transaction Does Not Exist", ""), options);

            String timeout = caller.next(t -> t.startsWith("SIP/2.0 408")).orElseThrow(() -> new AssertionError("the INVITE did not end")).text();
            caller.send(ack(invite, timeout), EDGE);
        }
        assertAbandonedWithCallBackTask(id, "+6281200000042", "OPTIONS answered 481");
    }

    @Test
    void aCallerWhoNeverAnswersTheProbeEndsTheSameWayOnceTimerFRunsOut() throws Exception {
        CallId id;
        try (RawSipSocket caller = new RawSipSocket(0, Duration.ofSeconds(5))) {
            String invite = invite(caller.port(), "081200000043");
            caller.send(invite, EDGE);
            assertThat(caller.next(t -> t.startsWith("SIP/2.0 180"))).isPresent();
            id = liveCall("+6281200000043");

            // T1 of 50 ms instead of 500: Timer F (64 × T1) runs out after 3.2 s instead of 32
            edge.callControl().probeCaller(id, Duration.ofMillis(50));
            assertThat(caller.next(t -> t.startsWith("OPTIONS "))).as("the probe").isPresent();

            // the OPTIONS and its retransmissions stay unanswered, as from a caller whose network is gone
            String timeout = caller.next(t -> t.startsWith("SIP/2.0 408")).orElseThrow(() -> new AssertionError("the INVITE did not end")).text();
            caller.send(ack(invite, timeout), EDGE);
        }
        assertAbandonedWithCallBackTask(id, "+6281200000043", "no answer to OPTIONS within 3.2 s");
    }

    @Test
    void aCallerWhoAnsweredAProbeIsStillPutThroughWhenAnOperatorAnswers() throws Exception {
        presence.change(new OperatorId("OP-3404-1"), Presence.READY, "test");
        try (RawSipSocket phone = new RawSipSocket(PHONE, Duration.ofSeconds(5));
             Sipp caller = Sipp.caller("caller-pidf.xml", RawSipSocket.freePort(), "127.0.0.1:" + EDGE, "110",
                     Map.of("caller", "081200000044", "lat", "-7.71560", "lon", "110.35580"), 1000, 1)) {
            RawSipSocket.Datagram invite = phone.next(t -> t.startsWith("INVITE ")).orElseThrow(() -> new AssertionError("the phone was not rung"));
            phone.reply(RawSipSocket.response(invite.text(), "180 Ringing", ";tag=phone44"), invite);
            CallId id = liveCall("+6281200000044");

            edge.callControl().probeCaller(id); // the OPTIONS is on its way to SIPp before the phone answers
            phone.reply(answer(invite.text()), invite);
            assertThat(phone.next(t -> t.startsWith("ACK "))).as("the edge's ACK to the phone's 200").isPresent();
            RawSipSocket.Datagram bye = phone.next(t -> t.startsWith("BYE ")).orElseThrow(() -> new AssertionError("the caller's hang-up did not reach the phone"));
            phone.reply(RawSipSocket.response(bye.text(), "200 OK", ""), bye);

            assertThat(caller.await(30)).as(caller.output()).isZero();
            assertThat(caller.count("OPTIONS")).as("probes SIPp answered, " + caller.output()).isEqualTo(1);
            List<String> types = story(id, "CallEnded").stream().map(JournalEntry::type).toList();
            assertThat(types).containsSubsequence("CallOffered", "CallAnswered", "CallEnded").doesNotContain("CallAbandoned");
        }
    }

    private void assertAbandonedWithCallBackTask(CallId id, String callerNumber, String why) {
        List<JournalEntry> story = story(id, "CallbackTaskOpened");
        assertThat(story).extracting(JournalEntry::type).containsSubsequence("CallOffered", "CallAbandoned", "CallbackTaskOpened");
        assertThat(story).filteredOn(e -> e.type().equals("CallAbandoned")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"callerGone\"").contains(why));
        String task = story.stream().filter(e -> e.type().equals("CallbackTaskOpened")).findFirst().map(JournalEntry::payload)
                .map(p -> value(p, "task")).orElseThrow();
        CallbackTask opened = callbacks.existing(task);
        assertThat(opened.call()).isEqualTo(id);
        assertThat(opened.callerNumber()).isEqualTo(callerNumber);
        assertThat(opened.status()).isEqualTo(CallbackTask.Status.OPEN);
        assertThat(coordinator.live()).noneMatch(c -> c.id().equals(id.value()));
    }

    /** A caller's INVITE to 110 without SDP, from {@code port}; its Contact names a host that resolves nowhere (RFC 2606). */
    private static String invite(int port, String caller) {
        return "INVITE sip:110@127.0.0.1:" + EDGE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + System.nanoTime() + "\r\n"
                + "From: <sip:" + caller + "@127.0.0.1:" + port + ">;tag=caller" + System.nanoTime() + "\r\n"
                + "To: <sip:110@127.0.0.1:" + EDGE + ">\r\n"
                + "Call-ID: probe-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:" + caller + "@caller.invalid:5099>\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** The ACK for a final non-2xx response to {@code invite}: its branch, the response's To-tag (RFC 3261 §17.1.1.3). */
    private static String ack(String invite, String finalResponse) {
        return invite.replaceFirst("^INVITE ", "ACK ").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                .replaceFirst("(?m)^To: [^\r]+", Matcher.quoteReplacement("To: " + value(finalResponse, "To")));
    }

    /** The phone's 200 to the INVITE: its own To-tag and Contact, and an SDP answer. */
    private static String answer(String invite) {
        String sdp = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 47998 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        return RawSipSocket.response(invite, "200 OK", ";tag=phone44")
                .replace("Content-Length: 0\r\n\r\n", "Contact: <sip:op-3404-1@127.0.0.1:" + PHONE + ">\r\nContent-Type: application/sdp\r\n"
                        + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    /** A header's value in a SIP message, or a field's string value in a JSON payload. */
    private static String value(String text, String name) {
        Matcher header = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s*([^\r\n]+)").matcher(text);
        if (header.find()) {
            return header.group(1).trim();
        }
        Matcher json = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(text);
        return json.find() ? json.group(1) : null;
    }

    private static String tag(String fromOrTo) {
        Matcher m = Pattern.compile(";tag=([^;\\s]+)").matcher(fromOrTo);
        return m.find() ? m.group(1) : "";
    }

    /** The live call from this number, once the pipeline has it. */
    private CallId liveCall(String callerNumber) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (CallView c : coordinator.live()) {
                if (c.callerNumber().equals(callerNumber)) {
                    return new CallId(c.id());
                }
            }
            sleep(50);
        }
        throw new AssertionError("no live call from " + callerNumber + " in " + coordinator.live());
    }

    /** The call's journal, oldest first, once it holds an entry of type {@code until} (or as it stands after 15 s). */
    private List<JournalEntry> story(CallId id, String until) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<JournalEntry> story = List.of();
        while (System.nanoTime() < deadline) {
            story = journal.bySubject(SubjectKind.CALL, id.value(), 1000).stream().sorted(JournalEntry.IN_ORDER).toList();
            if (story.stream().anyMatch(e -> e.type().equals(until))) {
                return story;
            }
            sleep(50);
        }
        return story;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
