package id.siaga.location;

import id.siaga.org.StationId;

/**
 * The answer of the jurisdiction index: the station, how it was decided and, for NEAREST, how far the
 * point is from that station's polygon (0 for INSIDE, NaN for FALLBACK).
 */
public record JurisdictionMatch(StationId station, LocateDecision decision, double distanceMeters) {
}
