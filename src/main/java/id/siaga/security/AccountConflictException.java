package id.siaga.security;

/** An account change that the account's state or the rules refuse: a taken username, the last administrator, oneself. */
public class AccountConflictException extends RuntimeException {

    public AccountConflictException(String message) {
        super(message);
    }
}
