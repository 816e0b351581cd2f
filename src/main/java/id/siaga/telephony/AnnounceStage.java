package id.siaga.telephony;

import java.time.Instant;

/**
 * Announce: a caller who has waited long enough, or whose call is queued at the top of its ladder, hears the
 * announcement ({@link Announcement}), again at its interval while nobody answers; an answer stops it. Runs after the
 * ring stage, so it sees the ladder as this input left it.
 */
final class AnnounceStage implements CallStage {

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        Announcement policy = context.announcement();
        if (policy.off()) {
            return call;
        }
        if (call.media().unanchored()) {
            // a call the media plane lost at its offer has nothing a prompt could be played into; its due time must not
            // keep waking it either
            return call.announceDue() == null ? call : call.withAnnounceDue(null);
        }
        if (call.phase() == Call.Phase.ANSWERED && input instanceof CallInput.LegAnswered && call.announcedAt() != null) {
            out.add(new CallAction.Media(new MediaControl.Request.StopPrompt(call.id())));
            return call;
        }
        if (call.phase() != Call.Phase.RINGING || call.ending() != null) {
            return call; // a call still waiting for a better fix (ROUTING) is announced once it rings
        }
        Instant now = context.now();
        Instant due = call.announceDue() != null ? call.announceDue() : call.offeredAt().plus(policy.after());
        if (policy.atTopTier() && call.announcedAt() == null && call.ladder() != null && call.ladder().queued() && due.isAfter(now)) {
            due = now;
        }
        if (now.isBefore(due)) {
            return due.equals(call.announceDue()) ? call : call.withAnnounceDue(due);
        }
        out.add(new CallAction.Media(new MediaControl.Request.Prompt(call.id(), Announcement.WAITING)));
        return call.announced(now, now.plus(policy.every()));
    }
}
