package id.siaga.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password guessing, slowed down and stopped: every password login (the console's form and HTTP Basic) is admitted
 * here before its password is checked, and its outcome reported after. Failures are counted per username and per
 * source address, each under its own {@link LoginLimits}: past a few failures each attempt must wait a growing delay,
 * and past more the key is locked for a while. A refused attempt is answered at once, without checking the password
 * (so a locked user's right password is refused too, and a guess learns nothing); no request thread ever sleeps.
 * <p>
 * A successful login forgets its user's failures (not a lock that began meanwhile); an address's failures are only
 * forgotten with time, since one right password from a shared address says nothing about the guesses beside it. An
 * attempt still in flight counts towards a lock, so a burst of parallel guesses cannot slip past the count; one that
 * could not be checked at all (the user store was unavailable) counts as nothing.
 * <p>
 * The counts live in memory, per node: a restart forgets them, and with several nodes each keeps its own (an unlock
 * reaches the node that serves it). Each book keeps at most {@code maxTracked} keys, the least recently seen going
 * first, so a flood of made-up usernames or addresses cannot grow memory without bound (it can at worst make a node
 * forget a lock early, which is logged).
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int LONGEST_USER_KEY = 100;

    /** What a count is kept for. */
    public enum Kind { USER, SOURCE }

    /**
     * A lock that just began, with the failures that led to it and the last attempt's username (as its key: a name no
     * one could have is kept by its hash) and address.
     */
    public record Lock(Kind kind, String key, int failures, Instant until, String username, String source) {
    }

    /** Hears every lock as it begins (the journal, the log). */
    @FunctionalInterface
    public interface LockListener {
        void locked(Lock lock);
    }

    /** What {@link #admit} answers: go ahead and check the password, or not now. */
    public sealed interface Admission permits Admitted, Refused {
    }

    /** An attempt that may check its password; report how it went with {@link #succeeded}, {@link #failed} or {@link #abandoned}. */
    public record Admitted(String username, String source, String userKey, String sourceKey) implements Admission {
    }

    /**
     * An attempt refused before its password was checked, because of the {@code kind}'s count: {@code locked} for the
     * lock's remaining time, else for the delay still to wait.
     */
    public record Refused(Kind kind, boolean locked, Duration retryAfter) implements Admission {

        /** Whole seconds to wait, at least one, as {@code Retry-After} says it. */
        public long retryAfterSeconds() {
            long s = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, s);
        }
    }

    /** What an unlock found: whether the user was locked, until when, and how many failures it forgot. */
    public record Unlocked(boolean wasLocked, Instant lockedUntil, int failures) {
    }

    private final Clock clock;
    private final LockListener listener;
    private final Book users;
    private final Book sources;

    public LoginThrottle(LoginLimits perUser, LoginLimits perSource, int maxTracked, Clock clock, LockListener listener) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("at least one key must be tracked, got " + maxTracked);
        }
        this.clock = clock;
        this.listener = listener;
        this.users = new Book(Kind.USER, perUser, maxTracked, true);
        this.sources = new Book(Kind.SOURCE, perSource, maxTracked, false);
    }

    /** Admits an attempt by this username from this address, or refuses it without checking its password. */
    public synchronized Admission admit(String username, String source) {
        Instant now = clock.instant();
        String userKey = userKey(username);
        String sourceKey = sourceKey(source);
        Refused byUser = users.refusal(userKey, now);
        Refused bySource = sources.refusal(sourceKey, now);
        Refused refused = stronger(byUser, bySource);
        if (refused != null) {
            return refused;
        }
        users.streak(userKey).pending++;
        sources.streak(sourceKey).pending++;
        return new Admitted(username, source, userKey, sourceKey);
    }

    /** The password was right: the user's failures are forgotten. */
    public void succeeded(Admitted attempt) {
        synchronized (this) {
            users.ended(attempt.userKey(), true);
            sources.ended(attempt.sourceKey(), false);
        }
    }

    /** The password (or username) was wrong: one more failure for the user and for the address; either may lock. */
    public void failed(Admitted attempt) {
        List<Lock> locks = new ArrayList<>(2);
        synchronized (this) {
            Instant now = clock.instant();
            users.failure(attempt, attempt.userKey(), now).ifPresent(locks::add);
            sources.failure(attempt, attempt.sourceKey(), now).ifPresent(locks::add);
        }
        for (Lock lock : locks) {
            try {
                listener.locked(lock);
            } catch (RuntimeException e) {
                log.error("the lock of {} {} could not be reported", lock.kind(), lock.key(), e);
            }
        }
    }

    /** The password could not be checked (the user store was unavailable): the attempt counts as nothing. */
    public synchronized void abandoned(Admitted attempt) {
        users.ended(attempt.userKey(), false);
        sources.ended(attempt.sourceKey(), false);
    }

    /** Lifts the user's lock and forgets their failures (a supervisor's or administrator's decision). */
    public synchronized Unlocked unlock(String username) {
        Streak s = users.streaks.remove(userKey(username));
        if (s == null) {
            return new Unlocked(false, null, 0);
        }
        Instant now = clock.instant();
        boolean locked = s.lockedUntil != null && now.isBefore(s.lockedUntil);
        if (s.pending > 0) {
            // attempts still in flight report to a fresh streak
            Streak fresh = users.streak(userKey(username));
            fresh.pending = s.pending;
        }
        return new Unlocked(locked, locked ? s.lockedUntil : null, s.failures);
    }

    /** Until when the user is locked, if they are. */
    public synchronized Optional<Instant> lockedUntil(String username) {
        Streak s = users.streaks.get(userKey(username));
        Instant now = clock.instant();
        return s == null || s.lockedUntil == null || !now.isBefore(s.lockedUntil) ? Optional.empty() : Optional.of(s.lockedUntil);
    }

    synchronized int tracked(Kind kind) {
        return (kind == Kind.USER ? users : sources).streaks.size();
    }

    /** A lock wins over a delay; of two of a kind, the longer. */
    private static Refused stronger(Refused a, Refused b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.locked() != b.locked()) {
            return a.locked() ? a : b;
        }
        return a.retryAfter().compareTo(b.retryAfter()) >= 0 ? a : b;
    }

    /**
     * The username as the user store compares it; a name no one could have (too long, or with control characters or
     * surrogates) is kept by its hash, so what reaches the log and the journal is always plain text.
     */
    static String userKey(String username) {
        String u = username == null ? "" : username;
        return u.length() <= LONGEST_USER_KEY && plain(u) ? u : "#" + ApiKeys.sha256(u);
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The address an attempt came from; an IPv6 address by its /64 network, since one subscriber is handed a whole /64
     * and could otherwise take a fresh address per guess.
     */
    static String sourceKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] b = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address).getAddress();
            if (b.length == 16) {
                return HexFormat.of().formatHex(b, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return userKey(address);
        }
    }

    /** One key's failures. */
    private static final class Streak {
        int failures;
        int pending;
        Instant lastFailureAt;
        Instant forgivenTo;
        Instant lockedUntil;

        boolean idle() {
            return failures == 0 && pending == 0 && lockedUntil == null;
        }
    }

    /** The streaks of one kind of key, least recently seen first. */
    private static final class Book {

        final Kind kind;
        final LoginLimits limits;
        final boolean successForgives;
        final Map<String, Streak> streaks;

        Book(Kind kind, LoginLimits limits, int maxTracked, boolean successForgives) {
            this.kind = kind;
            this.limits = limits;
            this.successForgives = successForgives;
            this.streaks = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Streak> eldest) {
                    if (size() <= maxTracked) {
                        return false;
                    }
                    if (eldest.getValue().lockedUntil != null) {
                        log.warn("login throttle tracks {} {} keys, its limit: forgetting the lock of {} early", size(), kind, eldest.getKey());
                    }
                    return true;
                }
            };
        }

        Streak streak(String key) {
            return streaks.computeIfAbsent(key, k -> new Streak());
        }

        /** Why an attempt for this key may not check its password now, or null when it may. */
        Refused refusal(String key, Instant now) {
            Streak s = streaks.get(key);
            if (s == null) {
                return null;
            }
            settle(s, now);
            if (s.lockedUntil != null) {
                return new Refused(kind, true, Duration.between(now, s.lockedUntil));
            }
            if (s.failures + s.pending >= limits.lockAfter()) {
                // the attempts in flight could lock the key: wait for their outcome
                return new Refused(kind, false, limits.firstDelay());
            }
            if (s.failures > 0 && s.failures + s.pending >= limits.delayAfter()) {
                if (s.pending > 0) {
                    // past the free attempts, one at a time
                    return new Refused(kind, false, limits.delayAfterFailures(Math.max(s.failures, limits.delayAfter())));
                }
                Instant notBefore = s.lastFailureAt.plus(limits.delayAfterFailures(s.failures));
                if (now.isBefore(notBefore)) {
                    return new Refused(kind, false, Duration.between(now, notBefore));
                }
            }
            if (s.idle()) {
                streaks.remove(key);
            }
            return null;
        }

        /** A failure for this key; the lock it began, if it began one. */
        Optional<Lock> failure(Admitted attempt, String key, Instant now) {
            Streak s = streak(key);
            s.pending = Math.max(0, s.pending - 1);
            settle(s, now);
            if (s.failures == 0) {
                s.forgivenTo = now;
            }
            s.failures++;
            s.lastFailureAt = now;
            if (s.lockedUntil == null && s.failures >= limits.lockAfter()) {
                s.lockedUntil = now.plus(limits.lockFor());
                return Optional.of(new Lock(kind, key, s.failures, s.lockedUntil, attempt.userKey(), attempt.sourceKey()));
            }
            return Optional.empty();
        }

        /** An attempt that did not fail; a success forgets the failures where that is the rule. */
        void ended(String key, boolean success) {
            Streak s = streaks.get(key);
            if (s == null) {
                return;
            }
            s.pending = Math.max(0, s.pending - 1);
            if (success && successForgives) {
                s.failures = 0;
            }
            if (s.idle()) {
                streaks.remove(key);
            }
        }

        /** Ends a lock whose time is up (counting starts again), and forgives the failures that time has. */
        private void settle(Streak s, Instant now) {
            if (s.lockedUntil != null) {
                if (now.isBefore(s.lockedUntil)) {
                    return;
                }
                s.lockedUntil = null;
                s.failures = 0;
            }
            if (s.failures > 0 && s.forgivenTo != null) {
                long forgiven = Duration.between(s.forgivenTo, now).dividedBy(limits.forgiveOneEvery());
                if (forgiven > 0) {
                    s.failures = (int) Math.max(0, s.failures - forgiven);
                    s.forgivenTo = s.forgivenTo.plus(limits.forgiveOneEvery().multipliedBy(forgiven));
                }
            }
        }
    }
}
