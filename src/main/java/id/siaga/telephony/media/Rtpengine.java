package id.siaga.telephony.media;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media plane over rtpengine's ng protocol, in its own words: a call is a call-id, each party a tag (the SIP
 * From/To tags, or any label the caller of this class keeps for a party), an SDP goes in and rtpengine's SDP for the
 * other side comes out. Every method is synchronous, and safe to call from many threads at once: each request waits
 * only for its own reply.
 *
 * <p>A new call ({@code offer} of a call-id this client does not hold) goes to the next live instance; if that one
 * does not answer it is marked down and the next live one is tried. Every later command of the call goes to the same
 * instance, since instances share no state. An instance that did not answer is skipped by new calls and pinged every
 * {@code retryDeadAfter} until it answers. Every command sends {@code port latching}: rtpengine then keeps the ports
 * it gave out when a party's address changes (an early answer's placeholder replaced by the operator's phone, a
 * re-INVITE), so the SDP a caller got in a 183 stays valid in the 200.
 *
 * <p>Failures are {@link MediaUnavailableException} (no answer: the call goes on without a media plane) and
 * {@link MediaRefusedException} (rtpengine's {@code error-reason}).
 */
public final class Rtpengine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rtpengine.class);

    /** Flags on every offer and answer (see the class comment and docs/MEDIA.md). */
    private static final List<String> ALWAYS = List.of("port latching");

    private final RtpengineSettings settings;
    private final Clock clock;
    private final NgSocket socket;
    private final RtpengineInstances instances;
    private final Map<String, InetSocketAddress> callInstance = new ConcurrentHashMap<>();
    private final ScheduledExecutorService prober;

    public Rtpengine(RtpengineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.instances = new RtpengineInstances(settings.instances(), settings.retryDeadAfter());
        this.socket = new NgSocket();
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rtpengine-probe");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, settings.retryDeadAfter().toMillis() / 4));
        prober.scheduleWithFixedDelay(this::probeDeadInstances, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * {@code offer} of a new call (or again, before the answer, for a call already held): {@code fromTag} is the
     * offering party (the caller). Returns the SDP for the other side (the operators' phones, all of them alike).
     */
    public AnchoredSdp offer(String callId, String fromTag, String sdp, Set<SdpOption> options) throws MediaException {
        Map<String, Object> request = sdpCommand("offer", callId, fromTag, null, sdp, options);
        InetSocketAddress held = callInstance.get(callId);
        if (held != null) {
            return anchored(callId, held, send(held, "offer", request));
        }
        List<InetSocketAddress> live = instances.forNewCall();
        if (live.isEmpty()) {
            throw new MediaUnavailableException(instances.noneLive());
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress instance : live) {
            Map<String, Object> reply;
            try {
                reply = exchange(instance, request);
            } catch (MediaUnavailableException e) {
                failures.add(e.reason());
                continue;
            }
            AnchoredSdp anchored = anchored(callId, instance, checked(instance, "offer", reply));
            callInstance.put(callId, instance);
            log.debug("call {} anchored on rtpengine {}", callId, NgSocket.describe(instance));
            return anchored;
        }
        throw new MediaUnavailableException(String.join("; ", failures));
    }

    /**
     * {@code offer} within an established call (a re-INVITE: hold, resume, codec change): {@code fromTag} is the party
     * that sent the re-INVITE, {@code toTag} the other. Returns the SDP for the other party.
     */
    public AnchoredSdp reoffer(String callId, String fromTag, String toTag, String sdp, Set<SdpOption> options) throws MediaException {
        InetSocketAddress instance = heldBy(callId, "offer");
        return anchored(callId, instance, send(instance, "offer", sdpCommand("offer", callId, fromTag, toTag, sdp, options)));
    }

    /**
     * {@code answer}: {@code fromTag} as in the offer it answers, {@code toTag} the answering party, {@code sdp} its
     * SDP. Returns the SDP for the offering party. Sending it again with the same tags and a new SDP replaces the
     * answering party's address (an early placeholder by the operator's phone) on the same ports.
     */
    public AnchoredSdp answer(String callId, String fromTag, String toTag, String sdp, Set<SdpOption> options) throws MediaException {
        InetSocketAddress instance = heldBy(callId, "answer");
        return anchored(callId, instance, send(instance, "answer", sdpCommand("answer", callId, fromTag, toTag, sdp, options)));
    }

    /**
     * The caller's SDP before any operator answers, for a 183 Session Progress: an {@code answer} from
     * {@code operatorTag} with a placeholder SDP (made from {@code offered}: its first codec and telephone-event, send
     * and receive, to rtpengine's discard port, with Siaga 110's own origin line). Prompts played to the caller reach it
     * from then on, and its keypresses are heard. {@code operatorTag} is Siaga 110's own tag for the operators' side (its
     * To tag towards the caller), not a phone's: the first answer of a fork is not known yet. The operator who answers
     * takes over with {@link #answerAfterEarlyMedia}.
     */
    public AnchoredSdp earlyMedia(String callId, String callerTag, String operatorTag, AnchoredSdp offered) throws MediaException {
        return answer(callId, callerTag, operatorTag, PlaceholderAnswer.from(offered.sdp(), clock.instant().getEpochSecond()), Set.of());
    }

    /**
     * The operator who answers after {@link #earlyMedia}: an {@code answer} with the same tags and the operator phone's
     * SDP, its origin line replaced by the one the caller got in the 183 with the next version (rtpengine 10.5 passes
     * each answer's origin through, and a caller expects one origin for the whole session). rtpengine keeps the
     * caller's ports, so the 200 OK's SDP differs from the 183's only in its version and what the phone chose; the
     * phone already has the offered ports. Stop any prompt first ({@link #stopMedia}): an answer does not.
     */
    public AnchoredSdp answerAfterEarlyMedia(String callId, String callerTag, String operatorTag, String operatorSdp, AnchoredSdp early,
                                             Set<SdpOption> options) throws MediaException {
        return answer(callId, callerTag, operatorTag, PlaceholderAnswer.withOrigin(operatorSdp, early.sdp()), options);
    }

    /**
     * {@code delete} of the whole call, at once (no delete delay): rtpengine frees its ports and closes its recording
     * before it replies. A call rtpengine no longer knows counts as deleted; a call this client never anchored is left
     * alone. The client forgets the call whatever the outcome.
     */
    public void delete(String callId) throws MediaException {
        InetSocketAddress instance = callInstance.get(callId);
        if (instance == null) {
            return;
        }
        try {
            Map<String, Object> request = command("delete", callId);
            request.put("delete delay", 0);
            Map<String, Object> reply = exchange(instance, request);
            if ("error".equals(reply.get("result")) && !String.valueOf(reply.get("error-reason")).toLowerCase().contains("unknown call")) {
                throw refused(instance, "delete", reply);
            }
        } finally {
            callInstance.remove(callId);
        }
    }

    /** {@code start recording}: records the call from now to its delete. */
    public void startRecording(String callId) throws MediaException {
        InetSocketAddress instance = heldBy(callId, "start recording");
        send(instance, "start recording", command("start recording", callId));
    }

    /**
     * {@code play media}: plays a WAV file (on rtpengine's host) to the party with {@code tag}, {@code times} times in a
     * row, from the port that party sends its media to. Works after the offer alone; the party hears it once it has
     * rtpengine's SDP. Returns the file's length (one play).
     */
    public Duration playMedia(String callId, String tag, Path file, int times) throws MediaException {
        if (times < 1) {
            throw new IllegalArgumentException("a prompt is played at least once, got " + times);
        }
        InetSocketAddress instance = heldBy(callId, "play media");
        Map<String, Object> request = command("play media", callId);
        request.put("from-tag", tag);
        request.put("file", file.toString());
        request.put("repeat-times", times);
        Map<String, Object> reply = send(instance, "play media", request);
        return reply.get("duration") instanceof Number ms ? Duration.ofMillis(ms.longValue()) : Duration.ZERO;
    }

    /** {@code stop media}: stops what {@link #playMedia} plays to the party with {@code tag}. */
    public void stopMedia(String callId, String tag) throws MediaException {
        InetSocketAddress instance = heldBy(callId, "stop media");
        Map<String, Object> request = command("stop media", callId);
        request.put("from-tag", tag);
        send(instance, "stop media", request);
    }

    /** {@code query}: the call's parties, ports and counts as rtpengine has them. */
    public MediaQuery query(String callId) throws MediaException {
        InetSocketAddress instance = heldBy(callId, "query");
        return MediaQuery.from(send(instance, "query", command("query", callId)));
    }

    /** {@code list}: the call-ids the instance holds, at most {@code limit} (rtpengine lists 32 unless told). */
    public List<String> list(InetSocketAddress instance, int limit) throws MediaException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("command", "list");
        request.put("limit", limit);
        Object calls = send(instance, "list", request).get("calls");
        return calls instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** {@code ping}: whether the instance answers; an instance that was down takes new calls again when it does. */
    public void ping(InetSocketAddress instance) throws MediaException {
        send(instance, "ping", new LinkedHashMap<>(Map.of("command", "ping")));
    }

    /** What an instance says of a call an earlier run of Siaga 110 anchored there (rtpengine outlives the server). */
    public enum LeftBehind {
        /** rtpengine still holds the call: its recording is still being written. */
        HELD,
        /** rtpengine does not know the call (it ended it, or it restarted): nothing writes its recording any more. */
        GONE
    }

    /**
     * {@code query} of a call this client never anchored: one an earlier run of Siaga 110 anchored on {@code instance}
     * ({@code host:port} as {@link #hostPort} writes it; it must be one of the configured instances).
     *
     * @throws MediaUnavailableException when the instance does not answer
     * @throws MediaRefusedException     when the instance is not configured, the call is one this client holds (it is
     *                                   live, not left behind), or rtpengine refuses for another reason
     */
    public LeftBehind leftBehind(String instance, String callId) throws MediaException {
        InetSocketAddress address = leftBehindOn(instance, callId, "query");
        Map<String, Object> reply = exchange(address, command("query", callId));
        if (unknownCall(reply)) {
            return LeftBehind.GONE;
        }
        checked(address, "query", reply);
        return LeftBehind.HELD;
    }

    /**
     * {@code delete} of such a call ({@code delete delay: 0}): when it returns, rtpengine has closed the call's
     * recording. Returns whether rtpengine still held the call. Throws as {@link #leftBehind} does.
     */
    public boolean deleteLeftBehind(String instance, String callId) throws MediaException {
        InetSocketAddress address = leftBehindOn(instance, callId, "delete");
        Map<String, Object> request = command("delete", callId);
        request.put("delete delay", 0);
        Map<String, Object> reply = exchange(address, request);
        if (unknownCall(reply)) {
            return false;
        }
        checked(address, "delete", reply);
        // 10.5 answers a delete of a call it does not hold with ok and the warning "Call-ID not found or tags didn't match"
        return !String.valueOf(reply.get("warning")).toLowerCase(java.util.Locale.ROOT).contains("not found");
    }

    private InetSocketAddress leftBehindOn(String instance, String callId, String command) throws MediaRefusedException {
        if (callInstance.containsKey(callId)) {
            throw new MediaRefusedException(command, instance, "call " + callId + " is anchored by this server now, not left behind");
        }
        for (InetSocketAddress configured : settings.instances()) {
            if (NgSocket.describe(configured).equals(instance)) {
                return configured;
            }
        }
        throw new MediaRefusedException(command, instance, "rtpengine " + instance + " is not one of the configured instances");
    }

    private static boolean unknownCall(Map<String, Object> reply) {
        return "error".equals(reply.get("result"))
                && String.valueOf(reply.get("error-reason")).toLowerCase(java.util.Locale.ROOT).contains("unknown call");
    }

    /** An instance's ng address as journals and logs write it: {@code 127.0.0.1:2223}, {@code [::1]:2223}. */
    public static String hostPort(InetSocketAddress instance) {
        return NgSocket.describe(instance);
    }

    /** The instance that holds the call, if this client anchored it. */
    public Optional<InetSocketAddress> instanceOf(String callId) {
        return Optional.ofNullable(callInstance.get(callId));
    }

    /** Every configured instance, live or down, in the configured order. */
    public List<RtpengineInstance> instances() {
        return instances.states().stream().map(s -> new RtpengineInstance(s.address(), s.live(), s.downSince(), s.lastFailure())).toList();
    }

    private InetSocketAddress heldBy(String callId, String command) throws MediaRefusedException {
        InetSocketAddress instance = callInstance.get(callId);
        if (instance == null) {
            throw new MediaRefusedException(command, "(none)", "call " + callId + " is not anchored (no offer of it was answered)");
        }
        return instance;
    }

    private Map<String, Object> sdpCommand(String name, String callId, String fromTag, String toTag, String sdp, Set<SdpOption> options) {
        Map<String, Object> request = command(name, callId);
        request.put("from-tag", fromTag);
        if (toTag != null) {
            request.put("to-tag", toTag);
        }
        request.put("sdp", sdp);
        request.put("flags", ALWAYS);
        for (SdpOption option : options) {
            request.putAll(option.keys);
        }
        return request;
    }

    private static Map<String, Object> command(String name, String callId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("command", name);
        request.put("call-id", callId);
        return request;
    }

    private AnchoredSdp anchored(String callId, InetSocketAddress instance, Map<String, Object> reply) throws MediaRefusedException {
        if (!(reply.get("sdp") instanceof String sdp)) {
            throw new MediaRefusedException("an offer or answer of call " + callId, NgSocket.describe(instance), "the reply carries no SDP");
        }
        List<String> recordings = reply.get("recordings") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new AnchoredSdp(sdp, recordings, instance);
    }

    /** Sends, and turns an {@code error} result into {@link MediaRefusedException}. */
    private Map<String, Object> send(InetSocketAddress instance, String name, Map<String, Object> request) throws MediaException {
        return checked(instance, name, exchange(instance, request));
    }

    private Map<String, Object> exchange(InetSocketAddress instance, Map<String, Object> request) throws MediaUnavailableException {
        try {
            Map<String, Object> reply = socket.exchange(instance, request, settings.timeout(), settings.attempts());
            if (instances.answered(instance)) {
                log.info("rtpengine {} answers again; it takes new calls", NgSocket.describe(instance));
            }
            return reply;
        } catch (NgSocket.NoAnswerException e) {
            instances.failed(instance, clock.instant(), e.getMessage());
            log.warn("{}; new calls skip it, and it is pinged again every {} ms", e.getMessage(), settings.retryDeadAfter().toMillis());
            throw new MediaUnavailableException(e.getMessage());
        }
    }

    private static Map<String, Object> checked(InetSocketAddress instance, String name, Map<String, Object> reply) throws MediaRefusedException {
        Object result = reply.get("result");
        if ("error".equals(result) || result == null) {
            throw refused(instance, name, reply);
        }
        if (reply.containsKey("warning")) {
            log.debug("rtpengine {} warns about {}: {}", NgSocket.describe(instance), name, reply.get("warning"));
        }
        return reply;
    }

    private static MediaRefusedException refused(InetSocketAddress instance, String name, Map<String, Object> reply) {
        Object reason = reply.getOrDefault("error-reason", "no result in the reply");
        return new MediaRefusedException(name, NgSocket.describe(instance), String.valueOf(reason));
    }

    private void probeDeadInstances() {
        for (InetSocketAddress instance : instances.dueForProbe(clock.instant())) {
            try {
                socket.exchange(instance, Map.of("command", "ping"), settings.timeout(), 1);
                if (instances.answered(instance)) {
                    log.info("rtpengine {} answers a ping again; it takes new calls", NgSocket.describe(instance));
                }
            } catch (NgSocket.NoAnswerException e) {
                instances.failed(instance, clock.instant(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("probing rtpengine {} failed: {}", NgSocket.describe(instance), e.toString());
            }
        }
    }

    /** The UDP port replies come back to (tests relay it). */
    int localPort() {
        return socket.localPort();
    }

    @Override
    public void close() {
        prober.shutdownNow();
        socket.close();
    }
}
