package id.siaga.screening;

import java.time.Instant;
import java.util.Optional;

/** The SMS warnings sent to numbers that kept pranking (the database): one row each. */
public interface PrankWarningStore {

    /** A warning: to whom, when, for pranks at which station (the call that tipped it), how many in the window. */
    record Sent(String number, Instant at, String station, int pranks, String call) {
    }

    Optional<Instant> lastWarnedAt(String number);

    void keep(Sent sent);

    /**
     * Whether a call from {@code number} was classified a genuine emergency since {@code since}: read from the
     * classifications themselves, so neither a supervisor's clear of the number nor the reputation's cap on the marks
     * it keeps in memory hides one.
     */
    boolean genuineCallSince(String number, Instant since);

    /** Forgets warnings sent before {@code cutoff} (with the marks, after the retention); returns how many. */
    int forgetBefore(Instant cutoff);
}
