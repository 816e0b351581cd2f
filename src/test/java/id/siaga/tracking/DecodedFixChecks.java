package id.siaga.tracking;

import static id.siaga.support.Fuzzing.check;
import static id.siaga.support.Fuzzing.checkCoordinates;
import static id.siaga.support.Fuzzing.checkReason;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the fuzz tests of the GPS doors check of every decoded element (docs/FUZZING.md): it is a candidate fix or a
 * refusal with a reason, never both; the reason and the device id, which go into the rejection log line and the
 * journal, carry no control character; and decode → validate holds: a fix the validator lets through has its
 * position in range and only the readings a device can have measured.
 */
final class DecodedFixChecks {

    /** The clock of the checks: the fixtures' day, so their fixes are neither too old nor in the future. */
    static final Instant NOW = Instant.parse("2026-11-28T10:10:00Z");
    /** The validator as the application configures it by default (siaga.tracking.*). */
    private static final PositionValidator VALIDATOR = new PositionValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5),
            Duration.ofDays(90), 300);

    private DecodedFixChecks() {
    }

    static void decoded(DecodedFix fix, String door) {
        check((fix.report() == null) != (fix.problem() == null), () -> door + " element with both or neither of fix and problem: " + fix);
        if (fix.deviceId() != null) {
            check(fix.deviceId().chars().noneMatch(Character::isISOControl), () -> door + " device id with a control character: " + fix);
        }
        if (fix.isMalformed()) {
            checkReason(fix.problem(), door);
            fix.values().forEach((field, value) -> check(String.valueOf(value).chars().noneMatch(Character::isISOControl),
                    () -> door + " refusal shows " + field + " with a control character: " + value));
            return;
        }
        PositionReport r = fix.report();
        check(r.source() != null, () -> door + " fix without a source: " + r);
        if (r.isHeartbeat()) {
            return;
        }
        Position p = new Position(r.unitId() == null ? "UNIT-1" : r.unitId(), r.deviceId() == null ? "UNIT-1" : r.deviceId(),
                r.fixTime() == null ? NOW : r.fixTime(), r.latitude(), r.longitude(), r.speedMetersPerSecond(), r.bearingDegrees(),
                r.altitudeMeters(), r.accuracyMeters(), r.batteryPercent(), r.source(), NOW);
        PositionValidator.Sanitized kept = VALIDATOR.sanitize(p);
        PositionValidator.Verdict verdict = VALIDATOR.check(kept.position(), null);
        if (verdict.kind() == PositionValidator.Verdict.Kind.REJECT) {
            checkReason(verdict.detail(), door + " validation");
            return;
        }
        Position s = kept.position();
        checkCoordinates(s.latitude(), s.longitude(), door + " accepted fix");
        within(s.speedMetersPerSecond(), 0, 300 / 3.6, "speed", door);
        within(s.bearingDegrees(), 0, 360, "bearing", door);
        within(s.batteryPercent(), 0, 100, "battery", door);
        within(s.accuracyMeters(), 0, Double.MAX_VALUE, "accuracy", door);
        within(s.altitudeMeters(), PositionValidator.MIN_ALTITUDE_METERS, PositionValidator.MAX_ALTITUDE_METERS, "altitude", door);
    }

    private static void within(Double value, double min, double max, String name, String door) {
        check(value == null || (value >= min && value <= max), () -> door + " accepted fix with " + name + " " + value);
    }
}
