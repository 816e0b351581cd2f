package id.siaga.web;

import id.siaga.org.Operator;
import id.siaga.org.OperatorRoster;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.screening.Classification;
import id.siaga.screening.Reputation;
import id.siaga.screening.Screening;
import id.siaga.screening.ScreeningStore;
import id.siaga.screening.Standing;
import id.siaga.security.OutOfScopeException;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.Gate;
import id.siaga.telephony.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each call was, and the reputation of callers' numbers (issue 16). {@code POST /api/calls/{id}/classification}:
 * the operator who took the call classifies it at wrap-up (any user who may see an answered call may give the first
 * word, and correct their own); a supervisor changes someone else's, with a reason. {@code GET} reads it back.
 * Supervisors of a Polda or Mabes read a number's reputation with the marks that make it ({@code GET /api/numbers/{number}/reputation}),
 * clear it ({@code POST …/clear}) or mark it trusted ({@code PUT …/trust}), each with a reason, journalled.
 */
@RestController
class ScreeningController {

    /** A number as the pipeline keys it: +62… or the digits a trunk gave; nothing else reaches the store. */
    static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");

    private final Screening screening;
    private final CallLookup lookup;
    private final StationScope scope;
    private final StationDirectory stations;
    private final Clock clock;
    private final CallCoordinator calls;
    private final OperatorRoster operators;

    private id.siaga.cluster.NodeRequests requests = id.siaga.cluster.NodeRequests.NONE;
    private tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    /** In a cluster: the other nodes, asked to work the calls they carry. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void askOtherNodesWith(id.siaga.cluster.NodeRequests requests, tools.jackson.databind.json.JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    ScreeningController(Screening screening, CallLookup lookup, StationScope scope, StationDirectory stations, Clock clock, CallCoordinator calls,
                        OperatorRoster operators) {
        this.calls = calls;
        this.operators = operators;
        this.screening = screening;
        this.lookup = lookup;
        this.scope = scope;
        this.stations = stations;
        this.clock = clock;
    }

    record ClassifyRequest(@NotNull Classification classification, @Size(max = Screening.REASON_MAX) String reason) {
    }

    record ClassificationView(String call, Classification classification, int key, String by, Instant at, String reason) {
        static ClassificationView of(ScreeningStore.Classified c) {
            return new ClassificationView(c.call(), c.classification(), c.classification().key(), c.by(), c.at(), c.reason());
        }
    }

    record Reason(@Size(max = Screening.REASON_MAX) String reason) {
    }

    record TrustRequest(@NotNull Boolean trusted, @Size(max = Screening.REASON_MAX) String reason) {
    }

    record MarkView(String call, String kind, Instant at, double weightNow) {
    }

    record ReputationView(String number, Standing standing, double threshold, long halfLifeDays, Instant clearedAt, List<MarkView> marks) {
    }

    /** The gate as it stands: ON (its stations, its wait), OFF (no station turned it on), or NO_MEDIA_PLANE (set, but silent). */
    record GateView(String state, List<String> stations, long keyWaitSeconds, boolean here) {
    }

    /**
     * Whether flagged callers meet the gate ("tekan 1"), for the consoles: {@code here} says whether it is on for the
     * user's own station (a station listed, or one above it).
     */
    @GetMapping("/api/screening/gate")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    GateView gate(Authentication auth) {
        Gate gate = calls.gate();
        String state = !gate.configured() ? "OFF" : gate.mediaPlane() ? "ON" : "NO_MEDIA_PLANE";
        StationId mine = StationScope.principal(auth).station();
        boolean here = gate.configured() && stations.tree().chainToRoot(mine).stream().anyMatch(s -> gate.stations().contains(s.id()));
        return new GateView(state, gate.stations().stream().map(StationId::value).sorted().toList(), gate.keyWait().toSeconds(), here);
    }

    record SilentPromptView(String call, boolean played) {
    }

    /**
     * The operator on an answered silent call has "Jika Anda tidak dapat berbicara, tekan 5 5" played to its caller; 5 5
     * then makes it a silent emergency. 409 with the reason when it cannot be played (not answered, someone else's, no
     * media plane for the call); 404 for a call that is not live.
     */
    @PostMapping("/api/calls/{id}/silent-prompt")
    @PreAuthorize("hasRole('OPERATOR')")
    SilentPromptView silentPrompt(@PathVariable String id, Authentication auth) {
        CallId call = CallLookup.callId(id);
        SiagaPrincipal me = StationScope.principal(auth);
        Operator position = operators.byUsername(me.username())
                .orElseThrow(() -> new SilentPromptRefusedException("you have no operator position: only the operator on the line can ask"));
        java.util.Optional<String> carrier = lookup.remoteNodeOf(call.value());
        CallCoordinator.SilentAsk asked = carrier.isPresent() ? askCarrier(carrier.get(), call, position.id())
                : calls.askSilentCaller(call, position.id(), calls.gate().mediaPlane());
        switch (asked) {
            case PLAYED:
                return new SilentPromptView(call.value(), true);
            case NO_SUCH_CALL:
                throw new NoSuchElementException("no live call " + id);
            case NOT_ANSWERED:
                throw new SilentPromptRefusedException("call " + id + " is not answered: the prompt is for a silent caller on the line");
            case NOT_YOURS:
                throw new SilentPromptRefusedException("call " + id + " was answered by another position: only the operator on the line can ask");
            default:
                throw new SilentPromptRefusedException("no media plane carries call " + id + ": nothing can be played to its caller");
        }
    }

    /**
     * A call another node of the cluster carries: that node plays the prompt through its own media plane. A node that does
     * not answer (lost a moment ago, the bus away) is a refusal with the reason, never a prompt said to be played.
     */
    private CallCoordinator.SilentAsk askCarrier(String node, CallId call, id.siaga.org.OperatorId position) {
        String answer;
        try {
            answer = requests.ask(node, CallCoordinator.SilentAsk.REQUEST, json.writeValueAsString(java.util.Map.of("call", call.value(), "operator", position.value())),
                    java.time.Duration.ofSeconds(8)); // longer than the carrying node's own bound (5 s), so a prompt it played is never reported unplayed
        } catch (id.siaga.cluster.SharedTable.Unavailable e) {
            throw new SilentPromptRefusedException("call " + call.value() + " is carried by node " + node + ", which did not answer: "
                    + "the prompt was not played; try again");
        }
        String outcome = json.readTree(answer).path("outcome").asString("");
        try {
            return CallCoordinator.SilentAsk.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            throw new SilentPromptRefusedException("node " + node + ", which carries call " + call.value() + ", could not play the prompt");
        }
    }

    /** The silent caller's prompt could not be played for the reason given (409). */
    static final class SilentPromptRefusedException extends RuntimeException {
        SilentPromptRefusedException(String message) {
            super(message);
        }
    }

    @PostMapping("/api/calls/{id}/classification")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    ClassificationView classify(@PathVariable String id, @Valid @RequestBody ClassifyRequest request, Authentication auth) {
        CallLookup.Found call = lookup.find(id);
        // the word is for the stations that answer for the caller (the responsible one and those above it), not for every
        // station whose phones rang for the call on its way up
        scope.requireVisible(auth, StationId.of(call.station()));
        if (call.answeredAt().isEmpty()) {
            throw new IllegalArgumentException("call " + id + " was not answered: only a call someone heard can be classified");
        }
        SiagaPrincipal me = StationScope.principal(auth);
        boolean supervisor = me.has(Role.SUPERVISOR) || me.has(Role.ADMIN);
        return ClassificationView.of(screening.classify(CallLookup.callId(id).value(), call.callerNumber(), call.station(), request.classification(),
                me.username(), supervisor, request.reason()));
    }

    @GetMapping("/api/calls/{id}/classification")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    ClassificationView classification(@PathVariable String id, Authentication auth) {
        CallLookup.Found call = lookup.find(id);
        lookup.requireVisible(auth, call);
        return screening.classification(CallLookup.callId(id).value()).map(ClassificationView::of)
                .orElseThrow(() -> new NoSuchElementException("call " + id + " is not classified"));
    }

    @GetMapping("/api/numbers/{number}/reputation")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    ReputationView reputation(@PathVariable String number, Authentication auth) {
        requireNumbersDesk(auth);
        Reputation reputation = screening.reputation();
        Reputation.Explanation e = reputation.explain(number(number), clock.instant());
        return new ReputationView(e.number(), e.standing(), reputation.policy().threshold(), reputation.policy().halfLife().toDays(), e.clearedAt(),
                e.marks().stream().map(c -> new MarkView(c.mark().call(), c.mark().kind().name(), c.mark().at(),
                        Math.round(c.weightNow() * 100) / 100.0)).toList());
    }

    @PostMapping("/api/numbers/{number}/clear")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    ReputationView clear(@PathVariable String number, @Valid @RequestBody Reason request, Authentication auth) {
        requireNumbersDesk(auth);
        screening.clear(number(number), auth.getName(), request.reason());
        return reputation(number, auth);
    }

    @PutMapping("/api/numbers/{number}/trust")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    ReputationView trust(@PathVariable String number, @Valid @RequestBody TrustRequest request, Authentication auth) {
        requireNumbersDesk(auth);
        screening.trust(number(number), request.trusted(), auth.getName(), request.reason());
        return reputation(number, auth);
    }

    /**
     * A number's reputation is national (its marks come from calls anywhere, and a trusted number is trusted everywhere):
     * it is read and changed by supervisors of a Polda or of Mabes, not of a Polres or Polsek.
     */
    private void requireNumbersDesk(Authentication auth) {
        SiagaPrincipal me = StationScope.principal(auth);
        StationKind kind = stations.tree().get(me.station()).kind();
        if (kind != StationKind.POLDA && kind != StationKind.MABES) {
            throw new OutOfScopeException(me.username(), me.station(), stations.tree().root().id());
        }
    }

    /** The number as the pipeline keys it (+62…, whichever way it was written: 0812…, 62812…). */
    private static String number(String number) {
        String n = number == null ? "" : number.strip();
        if (!NUMBER.matcher(n).matches()) {
            throw new IllegalArgumentException("a number is + and 3-20 digits, e.g. +6281234567890 or 081234567890");
        }
        String keyed = PhoneNumbers.normalize(n);
        if (PhoneNumbers.ANONYMOUS.equals(keyed)) {
            throw new IllegalArgumentException("not a number a caller could have: " + n);
        }
        return keyed;
    }
}
