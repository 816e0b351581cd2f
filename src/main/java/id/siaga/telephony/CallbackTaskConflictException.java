package id.siaga.telephony;

/**
 * A call-back task cannot make the asked move from the state it is in: claiming a task that is already
 * claimed or closed, closing a closed one, or losing a race to another operator who moved it first. The
 * request was sound; the task had moved on. Still an {@link IllegalStateException} for callers that treat it
 * as one, but its own type so the API can answer 409 for exactly this case and nothing else.
 */
public class CallbackTaskConflictException extends IllegalStateException {

    public CallbackTaskConflictException(String message) {
        super(message);
    }
}
