package id.siaga.web;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationSource;
import id.siaga.app.PresenceService;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.IncomingCall;
import id.siaga.telephony.RecordingCallControl;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;

/**
 * Places 110 calls straight into the call pipeline, with the SIP edge off: a recording phone network stands
 * in for SIP, and the test plays the caller and the operators' phones.
 */
final class CallDriver {

    /** A caller in Sleman (Polres Sleman's jurisdiction), located by PIDF-LO. */
    static final LocationFix IN_SLEMAN = new LocationFix(-7.7156, 110.3558, 12, LocationSource.PIDF_LO, "GPS", java.util.Optional.empty());
    /** A caller in Bantul (Polres Bantul's jurisdiction). */
    static final LocationFix IN_BANTUL = new LocationFix(-7.8886, 110.33, 15, LocationSource.PIDF_LO, "GPS", java.util.Optional.empty());

    private static final long PATIENCE_SECONDS = 20;

    final CallCoordinator coordinator;
    final RecordingCallControl phones;
    private final PresenceService presence;

    CallDriver(CallCoordinator coordinator, PresenceService presence) {
        this.coordinator = coordinator;
        this.presence = presence;
        this.phones = RecordingCallControl.attachTo(coordinator);
    }

    void ready(String... operators) {
        for (String op : operators) {
            presence.change(new OperatorId(op), Presence.READY, "test");
        }
    }

    /** A caller dials 110 from {@code where}; returns once the operator's phone rings. */
    CallId dial(String callerNumber, LocationFix where, String ringsAt) {
        CallId id = CallId.random();
        coordinator.offer(new IncomingCall(id, callerNumber, "110", where, null));
        await("the phone of " + ringsAt + " rings for " + callerNumber, () -> phones.rang(id, ringsAt));
        return id;
    }

    /** The operator answers, they talk, the operator hangs up: an ANSWERED call. */
    void answerAndHangUp(CallId call, String operator) {
        answer(call, operator);
        hangUp(call);
    }

    /** The operator answers; returns once the caller is connected (the call is live and answered). */
    void answer(CallId call, String operator) {
        phones.answer(call, operator);
        await("call " + call + " is connected", () -> phones.commands().stream()
                .anyMatch(c -> c.what().equals("connect") && c.call().equals(call)));
    }

    /** The operator ends an answered call. */
    void hangUp(CallId call) {
        coordinator.operatorHungUp(call);
        await("call " + call + " is hung up", () -> phones.commands().stream()
                .anyMatch(c -> c.what().equals("hangUpCaller") && c.call().equals(call)));
    }

    /** The caller gives up while it rings: an ABANDONED call and a call-back task. */
    void callerHangsUp(CallId call) {
        coordinator.callerCancelled(call);
    }

    /** Polls until the condition holds; fails, naming what was awaited, after a generous deadline. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("gave up waiting until " + what);
            }
            sleep(50);
        }
    }

    /** Polls until the value satisfies the condition and returns it. */
    static <T> T awaitValue(String what, Supplier<T> value, java.util.function.Predicate<T> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        T v = value.get();
        while (!condition.test(v)) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("gave up waiting until " + what + "; last seen: " + v);
            }
            sleep(50);
            v = value.get();
        }
        return v;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
