package id.siaga.telephony;

import id.siaga.location.Locator;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.routing.EscalationLadder;
import java.time.Duration;
import java.util.List;

/**
 * The call path, declared once and in order: <b>locate → media → screen → route → gate → watch → ring/escalate → announce → record</b>. Every
 * input of every call (its offer, a timer, a phone's answer, a hang-up, a late location, a probe's result) runs through
 * the stages top to bottom; each returns the call as the next should see it and adds actions the loop carries out.
 * Adding a stage is a class and a line here.
 */
final class CallPipeline {

    /** The call after the input, and what must be done about it, in order. */
    record Decision(Call call, List<CallAction> actions) {
    }

    private final List<CallStage> stages;

    CallPipeline(Locator locator, StationDirectory stations, StationId defaultStation, LocationPolicy locationPolicy, EscalationLadder ladder,
                 Duration shortCall) {
        this.stages = List.of(
                new LocateStage(),
                new MediaStage(),
                new ScreenStage(locationPolicy.fusion()),
                new RouteStage(locator, stations, defaultStation, locationPolicy),
                new GateStage(),
                new WatchStage(),
                new RingStage(ladder, shortCall),
                new AnnounceStage(),
                new RecordStage(locationPolicy.fusion()));
    }

    Decision handle(Call call, CallInput input, CallContext context) {
        CallStage.Actions out = new CallStage.Actions();
        Call next = call;
        for (CallStage stage : stages) {
            next = stage.handle(next, input, context, out);
        }
        return new Decision(next, out.list());
    }
}
