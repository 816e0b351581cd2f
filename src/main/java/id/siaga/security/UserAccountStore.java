package id.siaga.security;

import id.siaga.org.StationId;
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

    /** What {@link #replaceKeepingAnAdministrator} did. */
    enum Kept { REPLACED, CHANGED_MEANWHILE, NO_OTHER_ADMINISTRATOR }

    /**
     * {@link #replace}, for a change that takes an administrator of {@code station} away (a disable, a role or station
     * taken): written only while another enabled account is an administrator there. The check and the write are one step
     * for every node of a cluster, so two administrators disabling each other at once on two nodes never leave none.
     */
    default Kept replaceKeepingAnAdministrator(UserAccount before, UserAccount after, StationId station) {
        boolean another = all().stream().anyMatch(a -> !a.username().equals(before.username()) && a.enabled() && a.has(Role.ADMIN)
                && a.station().equals(station));
        if (!another) {
            return Kept.NO_OTHER_ADMINISTRATOR;
        }
        return replace(before, after) ? Kept.REPLACED : Kept.CHANGED_MEANWHILE;
    }

    long count();
}
