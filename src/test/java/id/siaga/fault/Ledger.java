package id.siaga.fault;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the clients of one scenario were told had been taken: every incident answered 201 (its id), every GPS fix
 * answered 200 by the OsmAnd door or acknowledged by the broker at QoS 1 (unit and fix time), every 110 call with what
 * its caller heard. After the fault, the server must still have each of them. The answers that were not
 * acknowledgements are tallied by kind, to show that the fault was felt.
 */
final class Ledger {

    /** A GPS fix, known by its unit and the time the device measured it. */
    record Fix(String unit, Instant fixTime) {
    }

    /** Whether the caller meant to talk to an operator or to hang up while it rang. */
    enum CallerPlan { TALK, HANG_UP }

    /** A 110 call: the caller's number (one number per call) and the responses it received ("180 INVITE", "487 INVITE", ...). */
    record Call(String number, CallerPlan plan, List<String> responses) {

        /** The final response to the INVITE ({@code 200}, {@code 487}, {@code 503}, ...): the edge's answer to the call. */
        Optional<String> finalAnswer() {
            return responses.stream().filter(r -> r.endsWith(" INVITE") && !r.startsWith("1")).map(r -> r.substring(0, 3)).findFirst();
        }

        boolean heardRinging() {
            return responses.contains("180 INVITE");
        }
    }

    final Set<String> incidents = ConcurrentHashMap.newKeySet();
    final Set<Fix> osmAndFixes = ConcurrentHashMap.newKeySet();
    final Set<Fix> mqttFixes = ConcurrentHashMap.newKeySet();
    final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> notTaken = new ConcurrentHashMap<>();

    private final Map<String, String> firstDetail = new ConcurrentHashMap<>();

    /** A request that was not acknowledged: {@code what} names the door and the answer ("incident 401", "mqtt: ConnectException"). */
    void notTaken(String what) {
        notTaken.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Like {@link #notTaken(String)}, keeping the first answer of each kind (a problem's detail) for the report. */
    void notTaken(String what, String detail) {
        notTaken(what);
        firstDetail.putIfAbsent(what, detail.length() > 300 ? detail.substring(0, 300) + "…" : detail);
    }

    /** The calls whose caller got a final answer: the edge's acknowledgements. */
    List<Call> answeredCalls() {
        return calls.stream().filter(c -> c.finalAnswer().isPresent()).toList();
    }

    long callsAnswered(String status) {
        return calls.stream().filter(c -> c.finalAnswer().filter(status::equals).isPresent()).count();
    }

    String summary() {
        return incidents.size() + " incidents answered 201, " + osmAndFixes.size() + " OsmAnd fixes answered 200, " + mqttFixes.size()
                + " MQTT fixes acknowledged by the broker, " + calls.size() + " calls (" + callsAnswered("200") + " answered, "
                + callsAnswered("487") + " hung up while ringing, " + (answeredCalls().size() - callsAnswered("200") - callsAnswered("487"))
                + " with another final answer, " + calls.stream().filter(c -> c.finalAnswer().isEmpty()).count()
                + " without one); not acknowledged: " + new TreeMap<>(notTaken) + (firstDetail.isEmpty() ? "" : ", first answers: "
                + new TreeMap<>(firstDetail));
    }
}
