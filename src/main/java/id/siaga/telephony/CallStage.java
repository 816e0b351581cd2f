package id.siaga.telephony;

import id.siaga.journal.JournalEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the call pipeline: given the call, the input and the context (time, who is available), returns the call
 * as the next stage should see it and adds what must be done to {@code out}. Pure: no threads, no I/O, no Spring, no
 * SIP; the loop carries the actions out. A stage ignores inputs that are not its business.
 */
interface CallStage {

    Call handle(Call call, CallInput input, CallContext context, Actions out);

    /** The actions one input produced, in the order the stages added them. */
    final class Actions {
        private final List<CallAction> list = new ArrayList<>();

        void add(CallAction action) {
            list.add(action);
        }

        void journal(JournalEvent event, String actor) {
            list.add(new CallAction.Journal(event, actor));
        }

        void publish(String kind) {
            list.add(new CallAction.Publish(kind));
        }

        List<CallAction> list() {
            return List.copyOf(list);
        }
    }
}
