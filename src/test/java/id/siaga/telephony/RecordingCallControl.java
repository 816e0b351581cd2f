package id.siaga.telephony;

import id.siaga.routing.Leg;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A phone network for tests without SIP: records what the call pipeline asks of it and lets the test play
 * the phones (an operator answers, hangs up) by feeding the coordinator's event methods, as the SIP edge would.
 */
public final class RecordingCallControl implements CallControl {

    /** One request from the pipeline: what, for which call, to which operator's leg (null for the caller's side). */
    public record Command(String what, CallId call, Leg leg) {
    }

    private final CallCoordinator coordinator;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();

    /** A caller refused before answer, with the status the network was asked to send. */
    public record Rejection(CallId call, int status, String reason) {
    }

    public RecordingCallControl(CallCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** Attaches a new recording network to the coordinator and returns it. */
    public static RecordingCallControl attachTo(CallCoordinator coordinator) {
        RecordingCallControl control = new RecordingCallControl(coordinator);
        coordinator.attach(control);
        return control;
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The statuses the caller of this call was refused with, in order (487 after a CANCEL, 503 when refused, …). */
    public List<Integer> rejectedWith(CallId call) {
        return rejections.stream().filter(r -> r.call().equals(call)).map(Rejection::status).toList();
    }

    /** True once the operator's phone has been rung for this call. */
    public boolean rang(CallId call, String operator) {
        return legOf(call, operator) != null;
    }

    /** The operator picks up the phone that rings for this call (the 200 OK of their leg). */
    public void answer(CallId call, String operator) {
        Leg leg = legOf(call, operator);
        if (leg == null) {
            throw new IllegalStateException(operator + " was never rung for call " + call + "; commands: " + commands);
        }
        coordinator.legAnswered(call, leg);
    }

    /** The operator refuses the call that rings at their phone ({@code 486 Busy Here}, {@code 603 Decline}). */
    public void decline(CallId call, String operator, int status) {
        fail(call, operator, status);
    }

    /** The operator's phone stops ringing without an answer with this status (a refusal, or 480/503 when it failed). */
    public void fail(CallId call, String operator, int status) {
        Leg leg = legOf(call, operator);
        if (leg == null) {
            throw new IllegalStateException(operator + " was never rung for call " + call + "; commands: " + commands);
        }
        coordinator.legFailed(call, leg, status, "status " + status);
    }

    private Leg legOf(CallId call, String operator) {
        return commands.stream().filter(c -> c.what().equals("ringLeg") && c.call().equals(call)
                && c.leg().operator().value().equals(operator)).map(Command::leg).findFirst().orElse(null);
    }

    @Override
    public void ringing(CallId call) {
        commands.add(new Command("ringing", call, null));
    }

    @Override
    public void ringLeg(CallId call, Leg leg, String callerNumber) {
        commands.add(new Command("ringLeg", call, leg));
    }

    @Override
    public void cancelLeg(CallId call, Leg leg) {
        commands.add(new Command("cancelLeg", call, leg));
    }

    @Override
    public void connect(CallId call, Leg winner) {
        commands.add(new Command("connect", call, winner));
    }

    @Override
    public void releaseLateAnswer(CallId call, Leg leg) {
        commands.add(new Command("releaseLateAnswer", call, leg));
    }

    @Override
    public void hangUpOperator(CallId call, Leg leg) {
        commands.add(new Command("hangUpOperator", call, leg));
    }

    @Override
    public void hangUpCaller(CallId call) {
        commands.add(new Command("hangUpCaller", call, null));
    }

    @Override
    public void probeCaller(CallId call) {
        commands.add(new Command("probeCaller", call, null));
    }

    @Override
    public void rejectCaller(CallId call, int status, String reason) {
        commands.add(new Command("rejectCaller", call, null));
        rejections.add(new Rejection(call, status, reason));
    }

}
