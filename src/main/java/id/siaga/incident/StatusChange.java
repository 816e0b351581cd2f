package id.siaga.incident;

import java.time.Instant;

/** One step of an incident's lifecycle: the status it reached, when, who moved it and why (null when no reason was given). */
public record StatusChange(IncidentStatus status, Instant at, String actor, String reason) {

    public StatusChange {
        if (status == null || at == null || actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a status change needs a status, a time and an actor");
        }
        reason = Texts.optional("reason", reason, Texts.MAX_REASON);
    }
}
