package id.siaga.app;

import id.siaga.security.LoginLimits;
import id.siaga.web.RequestBodyLimit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Logins and request limits.
 * <p>
 * Password guessing (the login form and HTTP Basic; API keys are not throttled): failures are counted per username and
 * per source address, in memory on each node (a restart forgets them). Past a few failures each attempt must wait a
 * delay that doubles from {@code loginFirstDelay} up to {@code loginLongestDelay}, answered 429 with
 * {@code Retry-After} at once rather than by holding the request; past more, the key is locked (a lock of a user is
 * journalled as {@code LoginLocked}, of an address as {@code LoginSourceLocked}) until its time is up or, for a user, a
 * supervisor of the user's station or an administrator unlocks it ({@code POST /api/users/{username}/unlock}). A right
 * password clears its user's count. With the defaults, a user is locked after 10 wrong passwords in about a minute and
 * a half of waiting; one address (a station's NAT, where many people log in) is slowed after 20 failures and locked after
 * 100, and forgives one failure a minute, so typos over a shift never add up.
 *
 * @param usersFile              a users CSV seeded into the user table at start ({@code username,display_name,roles,
 *                               station,password}); existing accounts are left alone. The demo sets its own file;
 *                               production leaves this empty and manages users in the database.
 * @param maxRequestBody         larger request bodies are refused with 413 before they are read. 1 MB is far above
 *                               any JSON the API takes and keeps a flood of large bodies from exhausting memory.
 * @param loginDelayAfter        wrong passwords for one user before each further attempt must wait. 3 forgives a typo or
 *                               two and a caps-lock.
 * @param loginLockAfter         wrong passwords for one user that lock it. 10, as common guidance (NIST SP 800-63B allows
 *                               up to 100; a 110 service's logins are few and known). Must be above
 *                               {@code loginDelayAfter}.
 * @param loginLockFor           how long a locked user stays locked unless unlocked. 15 minutes: long enough to make
 *                               guessing hopeless, short enough that an operator locked out by someone else's guesses
 *                               is back within a break even when no supervisor is there.
 * @param loginForgiveOneEvery   one failure of a user is forgotten each time this passes, so a typo today does not count
 *                               against next week. 15 minutes.
 * @param loginSourceDelayAfter  failed logins from one address (any usernames) before each further attempt from it must
 *                               wait. 20: above a user's own limit, because a whole station may sit behind one address.
 * @param loginSourceLockAfter   failed logins from one address that lock logins from it (API keys still work). 100, far
 *                               above what a station's typos reach and still a stop to guessing across usernames.
 * @param loginSourceLockFor     how long an address stays locked. 15 minutes.
 * @param loginSourceForgiveOneEvery one failure from an address is forgotten each time this passes. 1 minute, so a busy
 *                               station's occasional typos never accumulate.
 * @param loginFirstDelay        the first delay once a count passes its delay threshold; each further failure doubles it.
 *                               1 second.
 * @param loginLongestDelay      the longest delay between attempts. 30 seconds.
 * @param loginTracked           how many usernames, and how many addresses, each node keeps counts for; beyond that the
 *                               least recently seen are forgotten, so guesses at made-up usernames cannot grow memory
 *                               without bound. 10,000 (about a megabyte each).
 * @param passwordHashCost       BCrypt's cost (log2 of its rounds) for passwords set from now on; a stored hash keeps the
 *                               cost it was made with. 10 (about 65 ms a check on this project's 2-core test machines),
 *                               the least that common guidance accepts; raise it on faster hardware. Every HTTP Basic
 *                               request pays one check. Below 10 is refused unless {@code weakPasswordHashForTests} is
 *                               set, which only the project's own tests do (thousands of Basic requests to throwaway
 *                               accounts), and a node started so says so in a warning.
 * @param weakPasswordHashForTests lets {@code passwordHashCost} go down to 4. Never in production.
 * @param socketRecheck          how often the open WebSockets' credentials are checked again: a revoked key's or a
 *                               disabled account's socket is closed within this (at once on the node that revoked).
 *                               15 seconds.
 */
@ConfigurationProperties("siaga.access")
public record AccessProperties(
        @DefaultValue("") String usersFile,
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("3") int loginDelayAfter,
        @DefaultValue("10") int loginLockAfter,
        @DefaultValue("15m") Duration loginLockFor,
        @DefaultValue("15m") Duration loginForgiveOneEvery,
        @DefaultValue("20") int loginSourceDelayAfter,
        @DefaultValue("100") int loginSourceLockAfter,
        @DefaultValue("15m") Duration loginSourceLockFor,
        @DefaultValue("1m") Duration loginSourceForgiveOneEvery,
        @DefaultValue("1s") Duration loginFirstDelay,
        @DefaultValue("30s") Duration loginLongestDelay,
        @DefaultValue("10000") int loginTracked,
        @DefaultValue("10") int passwordHashCost,
        @DefaultValue("false") boolean weakPasswordHashForTests,
        @DefaultValue("15s") Duration socketRecheck) implements RequestBodyLimit {

    /** The cost below which a password hash is weak (see {@code passwordHashCost}). */
    public static final int LEAST_PASSWORD_HASH_COST = 10;

    public AccessProperties {
        perUser(loginDelayAfter, loginLockAfter, loginLockFor, loginForgiveOneEvery, loginFirstDelay, loginLongestDelay);
        perSource(loginSourceDelayAfter, loginSourceLockAfter, loginSourceLockFor, loginSourceForgiveOneEvery, loginFirstDelay,
                loginLongestDelay);
        if (loginSourceDelayAfter < loginDelayAfter || loginSourceLockAfter < loginLockAfter) {
            throw new IllegalArgumentException("siaga.access.login-source-delay-after (" + loginSourceDelayAfter
                    + ") and siaga.access.login-source-lock-after (" + loginSourceLockAfter + ") must not be below the per-user "
                    + "siaga.access.login-delay-after (" + loginDelayAfter + ") and siaga.access.login-lock-after (" + loginLockAfter
                    + "): one address may be a whole station's");
        }
        int least = weakPasswordHashForTests ? 4 : LEAST_PASSWORD_HASH_COST;
        if (passwordHashCost < least || passwordHashCost > 31) {
            throw new IllegalArgumentException("siaga.access.password-hash-cost must be between " + least + " and 31, got " + passwordHashCost);
        }
        if (socketRecheck.compareTo(Duration.ofMillis(50)) < 0) {
            throw new IllegalArgumentException("siaga.access.socket-recheck must be at least 50ms, got " + socketRecheck);
        }
        if (loginTracked < 100) {
            throw new IllegalArgumentException("siaga.access.login-tracked must be at least 100, got " + loginTracked);
        }
    }

    /** The limits of one username's failures. */
    public LoginLimits loginLimitsPerUser() {
        return perUser(loginDelayAfter, loginLockAfter, loginLockFor, loginForgiveOneEvery, loginFirstDelay, loginLongestDelay);
    }

    /** The limits of one source address's failures. */
    public LoginLimits loginLimitsPerSource() {
        return perSource(loginSourceDelayAfter, loginSourceLockAfter, loginSourceLockFor, loginSourceForgiveOneEvery, loginFirstDelay,
                loginLongestDelay);
    }

    private static LoginLimits perUser(int delayAfter, int lockAfter, Duration lockFor, Duration forgive, Duration first, Duration longest) {
        try {
            return new LoginLimits(delayAfter, first, longest, lockAfter, lockFor, forgive);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("siaga.access.login-delay-after, -lock-after, -lock-for, -forgive-one-every, "
                    + "-first-delay, -longest-delay: " + e.getMessage(), e);
        }
    }

    private static LoginLimits perSource(int delayAfter, int lockAfter, Duration lockFor, Duration forgive, Duration first,
                                         Duration longest) {
        try {
            return new LoginLimits(delayAfter, first, longest, lockAfter, lockFor, forgive);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("siaga.access.login-source-delay-after, -lock-after, -lock-for, -forgive-one-every, "
                    + "siaga.access.login-first-delay, -longest-delay: " + e.getMessage(), e);
        }
    }
}
