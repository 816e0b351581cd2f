package id.siaga.supervision;

import java.time.Instant;

/**
 * An operator's phone that refused a 110 call while it rang ({@code 486 Busy Here} or {@code 603 Decline}): which call,
 * when, which position, at which station it rang and the SIP status.
 */
public record Decline(String call, Instant at, String operator, String station, int status) {
}
