package id.siaga.telephony;

import id.siaga.support.RawSipSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A host that floods 110 with forged calls: a UDP socket on an address of its own that sends INVITEs without SDP or
 * location and never ACKs or answers anything the edge sends (responses, probes). A thread reads everything that comes
 * back, so the test can ask what each INVITE heard, repeats included. {@link #cancel} is the way out, for the cleanup.
 */
final class ForgedCaller implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3}) ");

    private final InetAddress address;
    private final int edge;
    private final RawSipSocket socket;
    private final Map<String, String> invites = new ConcurrentHashMap<>(); // Call-ID -> INVITE
    private final Map<String, String> callIds = new ConcurrentHashMap<>(); // caller number (+62…) -> Call-ID
    private final Map<String, List<String>> responses = new ConcurrentHashMap<>(); // Call-ID -> every response heard
    private final Map<String, AtomicInteger> copiesSent = new ConcurrentHashMap<>(); // Call-ID -> copies of its INVITE sent
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger datagrams = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger sentAgain = new AtomicInteger();
    private final Thread reader;

    /** Bound to a free port of {@code address} (127.0.0.3: Linux routes all of 127/8 to loopback), sending to the edge's {@code edge} port. */
    ForgedCaller(InetAddress address, int edge) throws IOException {
        this.address = address;
        this.edge = edge;
        this.socket = new RawSipSocket(address, 0, Duration.ofSeconds(1));
        this.reader = new Thread(this::readAll, "forged-caller-" + address.getHostAddress());
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a fresh INVITE to 110 from this caller (+62…, on the wire 0…), with its own Call-ID, branch and From-tag; returns its Call-ID. */
    String invite(String callerNumber) throws IOException {
        String number = "0" + callerNumber.substring(3);
        String host = address.getHostAddress() + ":" + socket.port();
        String callId = "forged-" + number + "-" + System.nanoTime() + "@" + address.getHostAddress();
        String invite = "INVITE sip:110@127.0.0.1:" + edge + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ";branch=z9hG4bK-forged-" + System.nanoTime() + "\r\n"
                + "From: <sip:" + number + "@" + host + ">;tag=f" + System.nanoTime() + "\r\n"
                + "To: <sip:110@127.0.0.1:" + edge + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:" + number + "@" + host + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        invites.put(callId, invite);
        callIds.put(callerNumber, callId);
        copiesSent.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet();
        send(invite);
        return callId;
    }

    /** The same INVITE again, as a UA does when nothing came back (Timer A). */
    void sendAgain(String callId) {
        sentAgain.incrementAndGet();
        copiesSent.get(callId).incrementAndGet();
        send(invites.get(callId));
    }

    /**
     * CANCELs these INVITEs (RFC 3261 §9.1: the INVITE's Request-URI, branch, Call-ID, From and To) and ACKs each 487
     * (§17.1.1.3: the INVITE's branch, the 487's To); returns the Call-IDs whose INVITE ended 487. A CANCEL without its
     * 487 within two seconds is sent again, for up to 30 s.
     */
    List<String> cancel(List<String> which) {
        List<String> terminated = new ArrayList<>();
        List<String> open = new ArrayList<>(which);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            open.forEach(id -> send(invites.get(id).replaceFirst("^INVITE ", "CANCEL ").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")));
            long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < wait && open.stream().anyMatch(id -> !heard(id, 487))) {
                CallStories.sleep(10);
            }
            for (String id : List.copyOf(open)) {
                inviteResponses(id).filter(r -> status(r) == 487).findFirst().ifPresent(ended -> {
                    send(invites.get(id).replaceFirst("^INVITE ", "ACK ").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                            .replaceFirst("(?m)^To: [^\r]+", Matcher.quoteReplacement("To: " + header(ended, "To"))));
                    cancelled.add(id);
                    terminated.add(id);
                    open.remove(id);
                });
            }
        }
        return terminated;
    }

    /** INVITEs neither refused nor cancelled yet: calls this caller may have left waiting. */
    List<String> notRefusedNorCancelled() {
        return invites.keySet().stream().filter(id -> !heard(id, 503) && !cancelled.contains(id)).toList();
    }

    /** The Call-IDs of the INVITEs from these caller numbers. */
    List<String> callIdsOf(Set<String> callerNumbers) {
        return callerNumbers.stream().map(callIds::get).toList();
    }

    /** Whether the INVITE with this Call-ID heard this status. */
    boolean heard(String callId, int status) {
        return inviteResponses(callId).anyMatch(r -> status(r) == status);
    }

    /** Every status the INVITE with this Call-ID heard, in the order heard, repeats included. */
    List<Integer> statuses(String callId) {
        return inviteResponses(callId).map(ForgedCaller::status).toList();
    }

    /** How many copies of the INVITE with this Call-ID were sent (the first, and each sent again). */
    int copiesSent(String callId) {
        return copiesSent.get(callId).get();
    }

    /** The Call-ID of the INVITE from this caller number. */
    String callIdOf(String callerNumber) {
        return callIds.get(callerNumber);
    }

    boolean heardAnything(String callId) {
        return inviteResponses(callId).findAny().isPresent();
    }

    boolean heardFinal(String callId) {
        return inviteResponses(callId).anyMatch(r -> status(r) >= 200);
    }

    /** Call-IDs whose INVITE heard this status. */
    Set<String> heard(int status) {
        return invites.keySet().stream().filter(id -> heard(id, status)).collect(Collectors.toSet());
    }

    /** What came back, for the log: responses by status (to INVITE, CANCEL, repeats included), requests, INVITEs sent again. */
    String tally() {
        Map<Integer, Long> byStatus = responses.values().stream().flatMap(List::stream).map(ForgedCaller::status)
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        return datagrams.get() + " datagrams heard, responses by status " + byStatus + ", " + requests.get() + " requests (never answered), "
                + sentAgain.get() + " INVITEs sent again";
    }

    /** A header's value in a SIP message. */
    static String header(String message, String name) {
        Matcher m = Pattern.compile("(?mi)^" + Pattern.quote(name) + ":\\s*([^\r\n]+)").matcher(message);
        return m.find() ? m.group(1).trim() : null;
    }

    private Stream<String> inviteResponses(String callId) {
        return responses.getOrDefault(callId, List.of()).stream().filter(r -> "1 INVITE".equals(header(r, "CSeq")));
    }

    private static int status(String response) {
        Matcher m = STATUS.matcher(response);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private void send(String text) {
        try {
            socket.send(text, edge);
        } catch (IOException e) {
            throw new IllegalStateException("the forged caller could not send: " + e, e);
        }
    }

    private void readAll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<RawSipSocket.Datagram> d = socket.receive();
                if (d.isEmpty()) {
                    continue;
                }
                datagrams.incrementAndGet();
                String text = d.get().text();
                if (text.startsWith("SIP/2.0 ")) {
                    responses.computeIfAbsent(Objects.requireNonNullElse(header(text, "Call-ID"), ""), k -> new CopyOnWriteArrayList<>()).add(text);
                } else {
                    requests.incrementAndGet(); // a probe of the caller: a forged caller answers nothing
                }
            }
        } catch (IOException closed) {
            // the socket was closed: the flood is over
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        socket.close();
    }
}
