package id.siaga.telephony.sip;

import id.siaga.journal.Journal;
import id.siaga.org.StationId;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.MediaControl;
import id.siaga.telephony.event.RecordingStarted;
import id.siaga.telephony.media.AnchoredSdp;
import id.siaga.telephony.media.DtmfEvent;
import id.siaga.telephony.media.MediaException;
import id.siaga.telephony.media.Rtpengine;
import id.siaga.telephony.media.SdpOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sip.header.FromHeader;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media plane as the SIP edge drives it (docs/MEDIA.md): every emergency call's SDP goes through rtpengine. The
 * caller's offer is anchored before the first phone rings (all phones get rtpengine's SDP), the winning phone's answer
 * gives the caller rtpengine's SDP in the 200 OK, and the end deletes the call, whose recording then goes to the
 * recordings ({@code recorded}). For the pipeline's requests ({@link MediaControl}): a prompt first sends the caller a
 * 183 Session Progress with rtpengine's SDP for it (early media), then plays; an answer stops it.
 *
 * <p>The media plane never costs a caller the call: when rtpengine does not answer or refuses, the call goes on
 * unanchored, end to end as without a media plane, reported to the call loop (which shows it on the call and journals
 * {@code MediaUnavailable} with the reason), as is every keypress rtpengine hears ({@code KeyPressed}). Without an
 * rtpengine ({@code rtpengine == null}) every method passes the SDP through and the pipeline's requests do nothing.
 * The pipeline's requests run on a thread of their own, in order, so an rtpengine that does not answer never holds
 * the call loop; the SDP exchanges run on the thread that handles the SIP message, which waits for them (a few
 * hundred microseconds, at most the client's timeout × attempts for a dead instance, once: it is then skipped); the
 * offer and the answer are asked from the call loop's thread (ringing a leg, connecting the winner).
 */
final class SipMedia implements MediaControl {

    private static final Logger log = LoggerFactory.getLogger(SipMedia.class);
    static final Set<SdpOption> OFFER = Set.of(SdpOption.RECORD_CALL, SdpOption.REPLACE_ORIGIN);
    /** rtpengine's answer for a call it does not hold: most often one it closed itself, no RTP for its {@code --timeout}. */
    static final String UNKNOWN_CALL = "Unknown call-id";
    static final String CLOSED_BY_ITSELF = " (rtpengine closed the call itself while it rang: its --timeout must be longer than"
            + " siaga.telephony.max-wait, docs/MEDIA.md)";

    private final SipCalls calls;
    private final SipEndpoint endpoint;
    private final CallCoordinator coordinator;
    private volatile Rtpengine rtpengine;
    private volatile Path prompts;
    private volatile Journal journal;
    private volatile Recorded recorded = (call, station, pcap, sdpForCaller) -> { };
    /** Anchored calls until their release, by call: the SIP call may be forgotten by the time the pipeline releases it. */
    private final Map<CallId, Anchoring> anchoredCalls = new ConcurrentHashMap<>();
    /** The same, by the caller's SIP Call-ID (rtpengine's name for the call, which its DTMF log gives). */
    private final Map<String, Anchoring> bySipCallId = new ConcurrentHashMap<>();

    private record Anchoring(String sipCallId, AnchoredSdp offer, SipCall call) {
    }

    /** Where a call's recording goes once rtpengine has closed it. */
    @FunctionalInterface
    interface Recorded {
        /**
         * @param pcap         rtpengine's recording of the call
         * @param sdpForCaller rtpengine's SDP the caller got (the 200's or the 183's; it tells the caller's packets from
         *                     the operator's); null when none reached the caller
         */
        void ended(CallId call, StationId station, Path pcap, String sdpForCaller);
    }
    private final ExecutorService requests = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sip-media");
        t.setDaemon(true);
        return t;
    });

    SipMedia(SipCalls calls, SipEndpoint endpoint, CallCoordinator coordinator) {
        this.calls = calls;
        this.endpoint = endpoint;
        this.coordinator = coordinator;
    }

    /**
     * Turns the media plane on: calls offered from now on are anchored, prompts come from {@code prompts/NAME.wav}, and
     * where each call is recorded goes to {@code callJournal} ({@code RecordingStarted}).
     */
    void use(Rtpengine plane, Path promptDir, Journal callJournal, Recorded whenRecorded) {
        this.prompts = promptDir;
        this.journal = callJournal;
        this.recorded = whenRecorded;
        this.rtpengine = plane;
    }

    boolean on() {
        return rtpengine != null;
    }

    /** The caller's tag: its From tag, the caller's party in rtpengine. */
    static String callerTag(SipCall call) {
        return ((FromHeader) call.callerInvite.getHeader(FromHeader.NAME)).getTag();
    }

    /**
     * The SDP the operators' phones get: rtpengine's, once the caller's offer is anchored (asked once per call), else the
     * caller's own. Null when the caller sent no SDP (a delayed offer: the phones get none, and the winner's offer is
     * anchored at the answer, {@link #lateOfferForCaller}).
     */
    byte[] offerForPhones(SipCall call) {
        Rtpengine plane = rtpengine;
        if (plane == null || call.callerSdp == null) {
            return call.callerSdp;
        }
        if (!call.mediaTried) {
            synchronized (call) {
                if (!call.mediaTried) {
                    try {
                        call.anchored = plane.offer(call.callerSipCallId(), callerTag(call), new String(call.callerSdp, StandardCharsets.UTF_8), OFFER);
                        // the call is held here before the journal says it records: a restart's recovery of recordings
                        // never takes a live call of this run for one left behind
                        anchored(new Anchoring(call.callerSipCallId(), call.anchored, call));
                        log.debug("call {}: media anchored on rtpengine {}", call.id, call.anchored.instance());
                        recordingStarted(call, call.anchored.sdp());
                    } catch (MediaException e) {
                        unavailable(call, "offer", e.reason());
                    } catch (RuntimeException e) {
                        log.error("call {}: the media plane failed on the offer; the call goes on end to end", call.id, e);
                        unavailable(call, "offer", "the media plane failed (the server log has the cause)");
                    } finally {
                        call.mediaTried = true;
                    }
                }
            }
        }
        AnchoredSdp anchored = call.anchored;
        return anchored != null ? anchored.sdp().getBytes(StandardCharsets.UTF_8) : call.callerSdp;
    }

    /**
     * Journals where rtpengine records the call, so that a recording under way when the server stops is finished at the
     * next start (docs/MEDIA.md, After a crash). Not waited for: the phones ring first.
     */
    private void recordingStarted(SipCall call, String sdpForPhones) {
        Journal j = journal;
        AnchoredSdp anchored = call.anchored;
        if (j == null || anchored.recordings().isEmpty()) {
            return;
        }
        try {
            j.append(new RecordingStarted(call.id, Rtpengine.hostPort(anchored.instance()), call.callerSipCallId(), anchored.recordings(),
                    audioPort(sdpForPhones)), "media");
        } catch (RuntimeException e) {
            log.error("call {}: RecordingStarted could not be journalled; its recording is kept only if the server keeps running", call.id, e);
        }
    }

    /** The first {@code m=audio} port of an SDP; null when it has none. */
    static Integer audioPort(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=audio ")) {
                String[] parts = line.split(" ");
                try {
                    int port = parts.length > 1 ? Integer.parseInt(parts[1].split("/")[0]) : 0;
                    return port >= 1 && port <= 65535 ? port : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether this server carries the call's media now (anchored, its recording not yet handed over). */
    boolean carries(CallId call) {
        return anchoredCalls.containsKey(call);
    }

    /**
     * The SDP the caller gets in the 200 OK for the winning phone's {@code phoneSdp}: rtpengine's answer (after stopping
     * any prompt), or the phone's own when the call is not anchored.
     */
    byte[] answerForCaller(SipCall call, byte[] phoneSdp) {
        Rtpengine plane = rtpengine;
        if (plane == null || call.anchored == null || phoneSdp == null || phoneSdp.length == 0) {
            return phoneSdp;
        }
        String sdp = new String(phoneSdp, StandardCharsets.UTF_8);
        synchronized (call) {
            call.mediaAnswered = true;
            try {
                AnchoredSdp early = call.early;
                if (early != null) {
                    if (call.prompting) {
                        call.prompting = false;
                        try {
                            plane.stopMedia(call.callerSipCallId(), callerTag(call));
                        } catch (MediaException e) {
                            log.warn("call {}: the prompt could not be stopped ({}); the answer goes on", call.id, e.reason());
                        }
                    }
                    call.sdpForCaller = plane.answerAfterEarlyMedia(call.callerSipCallId(), callerTag(call), call.callerToTag, sdp, early,
                            Set.of()).sdp();
                } else {
                    call.sdpForCaller = plane.answer(call.callerSipCallId(), callerTag(call), call.callerToTag, sdp, Set.of()).sdp();
                }
                return call.sdpForCaller.getBytes(StandardCharsets.UTF_8);
            } catch (MediaException e) {
                // the phone already has rtpengine's SDP: the caller gets the phone's, so at least the caller's voice arrives
                log.error("call {}: rtpengine could not take the answer ({}); the caller gets the phone's SDP", call.id, e.reason());
                unavailable(call, "answer", e.reason().contains(UNKNOWN_CALL) ? e.reason() + CLOSED_BY_ITSELF : e.reason());
                return phoneSdp;
            } catch (RuntimeException e) {
                log.error("call {}: the media plane failed on the answer; the caller gets the phone's SDP", call.id, e);
                unavailable(call, "answer", "the media plane failed (the server log has the cause)");
                return phoneSdp;
            }
        }
    }

    private void anchored(Anchoring anchoring) {
        anchoredCalls.put(anchoring.call().id, anchoring);
        bySipCallId.put(anchoring.sipCallId(), anchoring);
    }

    /**
     * A delayed offer (the caller's INVITE had no SDP): the winning phone's 2xx is the offer. It is anchored now, from
     * Siaga 110's side of the caller's dialog, and the caller gets rtpengine's version in the 200; the caller's answer
     * comes in its ACK ({@link #answerForPhone}). When rtpengine cannot take it, the caller gets the phone's own offer
     * and the call goes on end to end, reported like any lost offer.
     */
    byte[] lateOfferForCaller(SipCall call, byte[] phoneSdp) {
        Rtpengine plane = rtpengine;
        if (plane == null || phoneSdp == null || phoneSdp.length == 0) {
            return phoneSdp;
        }
        synchronized (call) {
            call.mediaTried = true;
            try {
                AnchoredSdp offered = plane.offer(call.callerSipCallId(), call.callerToTag, new String(phoneSdp, StandardCharsets.UTF_8), OFFER);
                call.anchored = offered;
                call.lateOfferAnchored = true;
                call.mediaAnswered = true;
                call.sdpForCaller = offered.sdp();
                anchored(new Anchoring(call.callerSipCallId(), offered, call));
                log.debug("call {}: delayed offer anchored on rtpengine {}", call.id, offered.instance());
                return offered.sdp().getBytes(StandardCharsets.UTF_8);
            } catch (MediaException e) {
                unavailable(call, "offer", e.reason());
            } catch (RuntimeException e) {
                log.error("call {}: the media plane failed on a delayed offer; the call goes on end to end", call.id, e);
                unavailable(call, "offer", "the media plane failed (the server log has the cause)");
            }
            return phoneSdp;
        }
    }

    /**
     * The caller's answer (its ACK's SDP) to a delayed offer anchored by {@link #lateOfferForCaller}, as the winning
     * phone gets it in our ACK: rtpengine's. Unchanged for any other call.
     */
    byte[] answerForPhone(SipCall call, byte[] callerSdp) {
        Rtpengine plane = rtpengine;
        if (plane == null || !call.lateOfferAnchored || callerSdp == null || callerSdp.length == 0) {
            return callerSdp;
        }
        try {
            String forPhone = plane.answer(call.callerSipCallId(), call.callerToTag, callerTag(call), new String(callerSdp, StandardCharsets.UTF_8),
                    Set.of()).sdp();
            // the operator's side of a delayed offer is known only now: the recording is owed from here (After a crash)
            recordingStarted(call, forPhone);
            return forPhone.getBytes(StandardCharsets.UTF_8);
        } catch (MediaException e) {
            log.error("call {}: rtpengine could not take the caller's answer ({}); the phone gets the caller's SDP", call.id, e.reason());
            unavailable(call, "answer", e.reason());
        } catch (RuntimeException e) {
            log.error("call {}: the media plane failed on the caller's answer; the phone gets the caller's SDP", call.id, e);
            unavailable(call, "answer", "the media plane failed (the server log has the cause)");
        }
        return callerSdp;
    }

    /**
     * The SDP offer of an in-dialog request (a re-INVITE or UPDATE: hold, resume, a codec change) as the other side gets
     * it: rtpengine's, with the requester as {@code from-tag} (docs/MEDIA.md, re-INVITE), so the media stays anchored and
     * recorded. Unchanged (the very array given) when the call is not anchored, the request carries no SDP or rtpengine
     * refused it: a caller can tell from that whether the answer must go through rtpengine too.
     */
    byte[] reofferAcross(SipCall call, boolean fromCaller, byte[] sdp) {
        Rtpengine plane = rtpengine;
        if (plane == null || call.anchored == null || !call.mediaAnswered || sdp == null || sdp.length == 0) {
            return sdp;
        }
        try {
            return plane.reoffer(call.callerSipCallId(), fromCaller ? callerTag(call) : call.callerToTag, fromCaller ? call.callerToTag : callerTag(call),
                    new String(sdp, StandardCharsets.UTF_8), Set.of()).sdp().getBytes(StandardCharsets.UTF_8);
        } catch (MediaException e) {
            log.warn("call {}: rtpengine refused a re-offer ({}); relayed as it came", call.id, e.reason());
            return sdp;
        } catch (RuntimeException e) {
            log.error("call {}: the media plane failed on a re-offer; relayed as it came", call.id, e);
            return sdp;
        }
    }

    /** The SDP answer to such a request as the requester gets it (the offer came {@code fromCaller} or from the phone). */
    byte[] reanswerAcross(SipCall call, boolean offerFromCaller, byte[] sdp) {
        Rtpengine plane = rtpengine;
        if (plane == null || call.anchored == null || !call.mediaAnswered || sdp == null || sdp.length == 0) {
            return sdp;
        }
        try {
            return plane.answer(call.callerSipCallId(), offerFromCaller ? callerTag(call) : call.callerToTag,
                    offerFromCaller ? call.callerToTag : callerTag(call), new String(sdp, StandardCharsets.UTF_8), Set.of()).sdp()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (MediaException e) {
            log.warn("call {}: rtpengine refused a re-answer ({}); relayed as it came", call.id, e.reason());
            return sdp;
        } catch (RuntimeException e) {
            log.error("call {}: the media plane failed on a re-answer; relayed as it came", call.id, e);
            return sdp;
        }
    }

    @Override
    public void handle(Request request) {
        if (rtpengine == null) {
            return;
        }
        try {
            requests.execute(() -> carryOut(request));
        } catch (RuntimeException e) {
            log.debug("media request {} not taken: {}", request, e.toString());
        }
    }

    private void carryOut(Request request) {
        SipCall call = calls.call(request.call()).orElse(null);
        try {
            if (request instanceof Request.Anchor && call != null) {
                offerForPhones(call);
            }
            if (request instanceof Request.Prompt p) {
                if (call != null) {
                    prompt(call, p.prompt(), false);
                }
            } else if (request instanceof Request.PromptInCall p) {
                if (call != null) {
                    prompt(call, p.prompt(), true);
                }
            } else if (request instanceof Request.StopPrompt) {
                if (call != null) {
                    stopPrompt(call);
                }
            } else if (request instanceof Request.Release r) {
                release(r.call(), r.station());
            }
        } catch (RuntimeException e) {
            log.error("media request {} failed", request, e);
        }
    }

    /**
     * A prompt for the caller ({@code inCall}: for an answered call only, else for a waiting one only). Before the answer: early media, a 183 with rtpengine's SDP (once), then the prompt. After
     * the answer (the silent caller's "tekan 5 5"): played into the call, the caller hears it instead of the operator
     * for its length. A prompt that cannot be played is reported to the call loop ({@code prompt} step: the gate then
     * lets the call ring at once; the call's recording is not affected).
     */
    private void prompt(SipCall call, String name, boolean inCall) {
        Rtpengine plane = rtpengine;
        offerForPhones(call); // a call queued before any phone rang is anchored now
        String failed;
        synchronized (call) { // the answer takes the same lock: a waiting caller's prompt is never played into an answered call
            if (!inCall && call.callerFinal) {
                return; // the caller's INVITE has its final answer (an answer, a refusal): no early media any more
            }
            if (call.anchored == null) {
                if (!inCall) {
                    return; // the offer's failure is reported by offerForPhones
                }
                failed = "'" + name + "' not played: the call is not anchored on the media plane";
            } else if (call.mediaAnswered != inCall) {
                if (!inCall) {
                    return; // a waiting caller's prompt that the answer overtook
                }
                failed = "'" + name + "' not played: the call's answer did not go through the media plane";
            } else {
                failed = play(call, name, inCall, plane);
            }
        }
        if (failed != null) {
            try {
                coordinator.mediaUnavailable(call.id, MediaControl.PROMPT_STEP, failed);
            } catch (RuntimeException e) {
                log.error("call {}: the prompt's failure could not be reported", call.id, e);
            }
        }
    }

    /** Plays the prompt (after the 183 that opens early media, for a waiting caller); null when played, else why not. */
    private String play(SipCall call, String name, boolean inCall, Rtpengine plane) {
        try {
            if (inCall) {
                plane.playMedia(call.callerSipCallId(), callerTag(call), prompts.resolve(name + ".wav"), 1);
                log.info("call {}: the caller hears the prompt '{}' in the call", call.id, name);
                return null;
            }
            if (call.early == null) {
                AnchoredSdp early = plane.earlyMedia(call.callerSipCallId(), callerTag(call), call.callerToTag, call.anchored);
                Response progress = endpoint.messages().createResponse(Response.SESSION_PROGRESS, call.callerInvite);
                ((javax.sip.header.ToHeader) progress.getHeader(javax.sip.header.ToHeader.NAME)).setTag(call.callerToTag);
                progress.addHeader(endpoint.contactFor(call.callerInvite));
                progress.setContent(early.sdp().getBytes(StandardCharsets.UTF_8), endpoint.headers().createContentTypeHeader("application", "sdp"));
                call.callerTx.sendResponse(progress);
                call.early = early;
                call.sdpForCaller = early.sdp();
            }
            plane.playMedia(call.callerSipCallId(), callerTag(call), prompts.resolve(name + ".wav"), 1);
            call.prompting = true;
            log.info("call {}: the waiting caller hears the announcement '{}'", call.id, name);
            return null;
        } catch (MediaException e) {
            log.warn("call {}: announcement '{}' not played: {}", call.id, name, e.reason());
            return "'" + name + "' not played: " + e.reason();
        } catch (Exception e) {
            log.warn("call {}: early media not sent: {}", call.id, e.toString());
            return "'" + name + "' not played: early media could not be sent";
        }
    }

    private void stopPrompt(SipCall call) {
        synchronized (call) {
            if (!call.prompting || call.anchored == null) {
                return;
            }
            call.prompting = false;
            try {
                rtpengine.stopMedia(call.callerSipCallId(), callerTag(call));
            } catch (MediaException e) {
                log.debug("call {}: stop media: {}", call.id, e.reason());
            }
        }
    }

    /** The call ended: rtpengine deletes it (closing its recording), and the recording goes to the recordings. */
    private void release(CallId id, StationId station) {
        Anchoring anchoring = anchoredCalls.get(id);
        if (anchoring == null) {
            return;
        }
        bySipCallId.remove(anchoring.sipCallId(), anchoring);
        try {
            rtpengine.delete(anchoring.sipCallId());
        } catch (MediaException e) {
            log.warn("call {}: rtpengine delete: {}", id, e.reason());
        }
        try {
            for (String pcap : anchoring.offer().recordings()) {
                try {
                    recorded.ended(id, station, Path.of(pcap), anchoring.call().sdpForCaller);
                } catch (RuntimeException e) {
                    log.error("call {}: recording {} not taken", id, pcap, e);
                }
            }
        } finally {
            // only once the recordings have it: until then the call counts as carried here (see offerForPhones)
            anchoredCalls.remove(id, anchoring);
        }
    }

    /**
     * A keypress rtpengine heard (RFC 4733, from its DTMF log): reported to the call loop with the key and who pressed it
     * (the caller, or the operator's phone), which shows the caller's on the call and journals it as {@code KeyPressed}.
     * One for a call that is not anchored here is logged only.
     */
    void keyPressed(DtmfEvent event) {
        Anchoring anchoring = bySipCallId.get(event.callId());
        if (anchoring == null) {
            log.debug("keypress {} for call-id {} that is not anchored here", event.key(), event.callId());
            return;
        }
        SipCall call = anchoring.call();
        String party = event.sourceTag() != null && event.sourceTag().equals(callerTag(call)) ? "caller" : "operator";
        log.info("call {}: the {} pressed {}", call.id, party, event.key());
        try {
            coordinator.keyPressed(call.id, String.valueOf(event.key()), party, event.duration().toMillis());
        } catch (RuntimeException e) {
            log.warn("call {}: keypress {} not taken: {}", call.id, event.key(), e.getMessage());
        }
    }

    private void unavailable(SipCall call, String step, String reason) {
        log.warn("call {}: no media plane for this call ({} failed: {}); its audio flows end to end, unrecorded", call.id, step, reason);
        try {
            coordinator.mediaUnavailable(call.id, step, reason);
        } catch (RuntimeException e) {
            // the call itself goes on whatever happens here (a loop that is stopping refuses new work)
            log.error("call {}: MediaUnavailable could not be reported", call.id, e);
        }
    }

    void close() {
        requests.shutdown();
    }
}
