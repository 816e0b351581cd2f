package id.siaga.dispatch;

/** A dispatch step that does not fit the unit's or the assignment's state (the API answers 409 with the reason). */
public final class DispatchConflictException extends RuntimeException {

    public DispatchConflictException(String message) {
        super(message);
    }
}
