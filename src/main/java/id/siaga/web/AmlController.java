package id.siaga.web;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStoreUnavailableException;
import id.siaga.journal.SubjectKind;
import id.siaga.integration.text.TextDesk;
import id.siaga.location.AmlHttpsParser;
import id.siaga.location.AmlReport;
import id.siaga.location.AmlResult;
import id.siaga.location.AmlSmsParser;
import id.siaga.location.LocationFix;
import id.siaga.telephony.CallCoordinator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Advanced Mobile Location from callers' handsets (ETSI TS 103 625), by HTTPS (Android Emergency Location
 * Service: a form POST) and by SMS (through the SMS gateway). A report with a position joins the caller's
 * call (matched by number) and may re-route it while it still rings, and is kept for the number's texts to 110
 * ({@link TextDesk#located}): it places the number's conversation nobody has taken yet, or the next one it opens.
 *
 * <p>The HTTPS endpoint always answers 200, as the ELS specification requires, even when it drops a message:
 * a handset must never retry into an overloaded centre. What was dropped, and why, is in the journal and in
 * the answer's {@code reason}. The SMS gateway's endpoint is ours, not a handset's: a body that is not an SMS
 * gets 400, a text that is not AML 422, both with the reason, and both journalled; a report it is answered 200 for is
 * durable in the journal first (else 503, and the gateway sends it again).
 */
@RestController
@RequestMapping("/api/aml")
@PreAuthorize("hasAnyRole('INTEGRATION', 'ADMIN')")
class AmlController {

    private static final Logger log = LoggerFactory.getLogger(AmlController.class);

    /** How long a report given to the call loop is known again: a gateway resends within a minute or two. */
    static final java.time.Duration REPEAT_WINDOW = java.time.Duration.ofMinutes(5);

    private final CallCoordinator calls;
    private final Journal journal;
    private final TextDesk texts;
    /**
     * The fixes already given to the call loop (caller, position and the handset's time of fix) and when: an SMS the
     * gateway sends again (it was answered 503 while the journal was away, or the answer was lost), or the same fix over
     * both HTTPS and SMS, is journalled as received again but not joined to the call a second time. The latest 10,000.
     */
    private final Map<String, java.time.Instant> givenToCalls = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, java.time.Instant> eldest) {
            return size() > 10_000;
        }
    });

    AmlController(CallCoordinator calls, Journal journal, TextDesk texts) {
        this.calls = calls;
        this.journal = journal;
        this.texts = texts;
    }

    /** What became of a message: taken (with or without a position), or dropped and why. */
    record AmlAnswer(boolean accepted, boolean located, String reason) {
    }

    /** An SMS as the gateway hands it over: the sender's number and the text. */
    record Sms(String sender, String text) {
    }

    /** ELS/AML over HTTPS: {@code application/x-www-form-urlencoded} fields ({@code v}, {@code device_number}, {@code location_latitude} …). */
    @PostMapping
    AmlAnswer https(HttpServletRequest request, Authentication auth) {
        // the text rule every API holds (RequestTextFilter lets this door through so that it can answer 200 as ELS wants)
        Optional<String> refused = RequestTextFilter.parameterProblem(request);
        if (refused.isPresent()) {
            return take(new AmlResult(Optional.empty(), refused.get()), "HTTPS", auth.getName(), null);
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> fields.put(k, Arrays.asList(v)));
        return take(AmlHttpsParser.parse(fields), "HTTPS", auth.getName(), fields.containsKey("device_number")
                ? fields.get("device_number").get(0) : null);
    }

    /** AML over SMS, from the SMS gateway: {@code {"sender": "+6281…", "text": "A\"ML=1;lt=…;ml=128"}}. */
    @PostMapping(path = "/sms", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AmlAnswer> sms(@RequestBody Sms sms, Authentication auth) {
        if (sms == null || sms.sender() == null || sms.sender().isBlank() || sms.text() == null) {
            throw new IllegalArgumentException("an SMS needs a sender and a text");
        }
        AmlAnswer answer = take(AmlSmsParser.parse(sms.text(), sms.sender()), "SMS", auth.getName(), sms.sender());
        return answer.accepted() ? ResponseEntity.ok(answer) : ResponseEntity.unprocessableEntity().body(answer);
    }

    private AmlAnswer take(AmlResult result, String transport, String by, String claimedSender) {
        if (!result.accepted()) {
            Map<String, Object> dropped = new LinkedHashMap<>();
            dropped.put("transport", transport);
            dropped.put("reason", result.problem());
            dropped.put("sender", claimedSender == null ? "" : truncate(claimedSender));
            journal.append("AmlDropped", SubjectKind.SYSTEM, "aml", by, dropped);
            log.info("AML over {} dropped: {}", transport, result.problem());
            return new AmlAnswer(false, false, result.problem());
        }
        AmlReport report = result.report().orElseThrow();
        if (report.callerNumber().isEmpty()) {
            String reason = "the report names no caller number, so it cannot join a call";
            journal.append("AmlDropped", SubjectKind.SYSTEM, "aml", by, Map.of("transport", transport, "reason", reason));
            return new AmlAnswer(false, report.located(), reason);
        }
        String caller = report.callerNumber().get();
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("transport", transport);
        received.put("caller", caller);
        received.put("method", report.positioningMethod().name());
        received.put("located", report.located());
        if (!report.located()) {
            received.put("noFixReason", report.noFixReason());
        }
        report.servingNetwork().ifPresent(n -> received.put("network", n.toString()));
        if (!report.ignored().isEmpty()) {
            received.put("ignored", report.ignored());
        }
        boolean repeat = report.located() && repeated(caller, report.fix().orElseThrow());
        if (repeat) {
            received.put("repeat", true);
        }
        CompletableFuture<JournalEntry> kept = journal.append("AmlReceived", SubjectKind.SYSTEM, "aml", by, received);
        if (report.located() && !repeat) {
            LocationFix fix = report.fix().orElseThrow();
            // to the call loop at once (and from there, in a cluster, to the other nodes): the caller's call need not wait for the journal
            calls.locationReport(caller, fix, true, report.trigger().callStart(), "AML over " + transport);
            // and to the number's text conversation (Text to 110): the handset sends AML for an emergency SMS as for a call
            try {
                texts.located(caller, fix, "AML over " + transport);
            } catch (RuntimeException e) {
                log.warn("AML over {} for {}: not kept for the number's texts ({}); its calls have it", transport, caller, e.toString());
            }
        } else if (repeat) {
            log.info("AML over {} for {}: the same fix as one already given to the call loop; journalled, not joined again", transport, caller);
        }
        // the answer says the report is on record: a gateway told 200 does not send it again
        try {
            Journal.awaitDurable(List.of(kept));
        } catch (JournalStoreUnavailableException e) {
            if (!"HTTPS".equals(transport)) {
                throw e; // the SMS gateway is answered 503 and sends it again
            }
            log.warn("AML over HTTPS for {}: answered 200 as ELS requires, but the journal has not confirmed it: {}", caller, e.getMessage());
        }
        return new AmlAnswer(true, report.located(), report.located() ? "" : report.noFixReason());
    }

    /** Whether this fix (with the handset's time of fix) was given to the call loop within the window; remembered now if not. */
    private boolean repeated(String caller, LocationFix fix) {
        if (fix.timestamp().isEmpty()) {
            return false; // without the handset's time two reports of one place cannot be told apart from a repeat
        }
        String key = caller + " " + fix.latitude() + " " + fix.longitude() + " " + fix.timestamp().get();
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant before = givenToCalls.put(key, now);
        return before != null && before.plus(REPEAT_WINDOW).isAfter(now);
    }

    private static String truncate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
