package id.siaga.security;

import java.util.List;
import java.util.Optional;

/** Where logins are kept. */
public interface UserAccountStore {

    Optional<UserAccount> find(String username);

    /** Every account, by username. */
    List<UserAccount> all();

    /** Inserts or replaces the account. */
    void save(UserAccount account);

    /**
     * Inserts a new account. An in-memory store may do it in two steps; a shared one does it in one.
     *
     * @return false, and nothing written, when the username is already taken (perhaps by another node a moment ago)
     */
    default boolean insert(UserAccount account) {
        if (find(account.username()).isPresent()) {
            return false;
        }
        save(account);
        return true;
    }

    /**
     * Replaces {@code before} by {@code after} only if the stored account is still {@code before}, so that two changes made
     * at once on two nodes (a password change and a disable) never undo each other.
     *
     * @return false, and nothing written, when the account changed meanwhile
     */
    default boolean replace(UserAccount before, UserAccount after) {
        if (!find(before.username()).equals(java.util.Optional.of(before))) {
            return false;
        }
        save(after);
        return true;
    }

    long count();
}
