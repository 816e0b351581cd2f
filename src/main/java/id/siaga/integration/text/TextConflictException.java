package id.siaga.integration.text;

/** A change the conversation's state does not allow (taken by someone else, closed); the API answers 409 with the message. */
public final class TextConflictException extends RuntimeException {

    public TextConflictException(String message) {
        super(message);
    }
}
