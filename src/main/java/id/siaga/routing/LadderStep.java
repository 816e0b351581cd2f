package id.siaga.routing;

import java.util.List;

/** The ladder's new state and the actions that lead to it, in the order they were decided. */
public record LadderStep(LadderState state, List<LadderAction> actions) {

    public LadderStep {
        actions = List.copyOf(actions);
    }
}
