package id.siaga.web;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.security.LoginThrottle;
import id.siaga.security.StationScope;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supervisor (for the users of their station and below) or an administrator lifts a login lock that password
 * guessing put on a user, and forgets the user's failed logins; journalled as {@code LoginUnlocked} under the user.
 * Counts are kept per node: the unlock reaches the node that answers it.
 */
@RestController
class LoginLocksController {

    private final LoginThrottle throttle;
    private final UserAccountStore users;
    private final StationScope scope;
    private final Journal journal;

    LoginLocksController(LoginThrottle throttle, UserAccountStore users, StationScope scope, Journal journal) {
        this.throttle = throttle;
        this.users = users;
        this.scope = scope;
        this.journal = journal;
    }

    /** What the unlock found: whether the user was locked (and until when), and how many failures it forgot. */
    record UnlockView(String username, boolean wasLocked, Instant lockedUntil, int failuresForgotten) {
    }

    @PostMapping("/api/users/{username}/unlock")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    UnlockView unlock(@PathVariable String username, Authentication auth) {
        UserAccount account = users.find(username).orElseThrow(() -> new NoSuchElementException("no such user"));
        scope.requireVisible(auth, account.station());
        LoginThrottle.Unlocked unlocked = throttle.unlock(account.username());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("wasLocked", unlocked.wasLocked());
        facts.put("failuresForgotten", unlocked.failures());
        if (unlocked.lockedUntil() != null) {
            facts.put("lockedUntil", unlocked.lockedUntil().toString());
        }
        journal.append("LoginUnlocked", SubjectKind.USER, account.username(), auth.getName(), facts);
        return new UnlockView(account.username(), unlocked.wasLocked(), unlocked.lockedUntil(), unlocked.failures());
    }
}
