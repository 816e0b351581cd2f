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

    long count();
}
