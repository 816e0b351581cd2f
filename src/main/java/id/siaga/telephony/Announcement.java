package id.siaga.telephony;

import java.time.Duration;

/**
 * When a waiting caller hears the announcement ("Anda terhubung dengan layanan darurat Polri 110. Mohon tetap di
 * saluran, petugas kami segera menjawab."): after {@code after} of waiting, or at once when the call is queued at the
 * top of its ladder (everyone up to Mabes is busy), then again every {@code every} until an operator answers, whose
 * answer stops it. Played through the media plane ({@link MediaControl}); without one there is nothing to play.
 *
 * @param after      how long a caller waits before the first announcement
 * @param every      from the start of one announcement to the start of the next (the prompt's length and a pause)
 * @param atTopTier  whether a call queued at the top tier is announced at once, whatever it waited
 */
public record Announcement(Duration after, Duration every, boolean atTopTier) {

    /** The name of the waiting caller's prompt (its WAV and text under {@code media/prompts/}). */
    public static final String WAITING = "menunggu";

    /** No announcements: a pipeline without a media plane. */
    public static final Announcement NONE = new Announcement(Duration.ofDays(3650), Duration.ofDays(3650), false);

    public Announcement {
        if (after.isNegative() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("announcements need after >= 0 and every > 0");
        }
    }

    boolean off() {
        return this == NONE;
    }
}
