package id.siaga.org;

import java.time.Instant;

/** A station's name was changed by an administrator: what it was called, what it is called now. */
public record StationRenamed(StationId station, String from, String to, String by, Instant at) {
}
