package id.siaga.location;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One Advanced Mobile Location message from a caller's handset, normalised: the same record whether it came
 * by SMS or HTTPS, so the resolver and the journal treat both alike.
 *
 * <p>Every AML field is optional, and a handset that has no position still sends the message, so a report
 * may have no {@link #fix()}; then {@link #noFixReason()} says why ("lt/lg are +00.00000: the handset had
 * no position"), and it is empty exactly when there is a fix. The report is still worth keeping: it ties the
 * caller's number to a handset and a serving network.
 *
 * <p>{@link #ignored()} lists fields that were malformed but do not describe the position (an IMEI with a
 * letter, a speed of "fast"), dropped with the reason. A malformed position field rejects the whole message
 * instead (see {@link AmlResult}): a position whose latitude cannot be read cannot be trusted either.
 *
 * @param transport          SMS or HTTPS
 * @param fix                the position, source {@link LocationSource#AML}, uncertainty = the radius in metres
 *                           (NaN when the handset gave none), method = {@link PositioningMethod#word()},
 *                           timestamp = when the handset measured it
 * @param noFixReason        why there is no fix; empty when there is one
 * @param positioningMethod  how the handset measured (or {@link PositioningMethod#NONE}, {@link PositioningMethod#UNKNOWN})
 * @param confidencePercent  how likely the caller is inside the radius, in percent (SMS {@code lc}; HTTPS
 *                           {@code location_confidence} × 100); empty when the handset gave none ({@code lc=0})
 * @param motion             altitude, bearing and speed, when an HTTPS message carried them
 * @param callerNumber       the caller's number as {@link IndonesianNumbers#normalize(String)} writes it
 *                           ({@code +62…}): the SMS sender or the HTTPS {@code device_number}
 * @param handset            what the handset said about itself
 * @param servingNetwork     the network the handset was on (SMS {@code mcc}/{@code mnc}, HTTPS {@code cell_network_*})
 * @param trigger            what made the handset send (HTTPS only; empty for SMS)
 * @param ignored            malformed fields that were dropped, each with its reason
 */
public record AmlReport(AmlTransport transport, Optional<LocationFix> fix, String noFixReason,
                        PositioningMethod positioningMethod, OptionalDouble confidencePercent, Motion motion,
                        Optional<String> callerNumber, Handset handset, Optional<MobileNetworkId> servingNetwork,
                        Trigger trigger, List<String> ignored) {

    public AmlReport {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(noFixReason, "noFixReason (empty when there is a fix)");
        if (fix.isPresent() != noFixReason.isEmpty()) {
            throw new IllegalArgumentException("a report has either a fix or the reason it has none, not both or neither");
        }
        Objects.requireNonNull(positioningMethod, "positioningMethod");
        Objects.requireNonNull(confidencePercent, "confidencePercent");
        Objects.requireNonNull(motion, "motion");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(handset, "handset");
        Objects.requireNonNull(servingNetwork, "servingNetwork");
        Objects.requireNonNull(trigger, "trigger");
        ignored = List.copyOf(ignored);
    }

    /** Whether the message carried a usable position. */
    public boolean located() {
        return fix.isPresent();
    }

    /**
     * The handset's own identifiers. Android ELS sends only the first six digits of the IMSI over SMS (the
     * home network), the rest zeros; HTTPS sends it whole.
     */
    public record Handset(Optional<String> imsi, Optional<String> imei, Optional<String> model,
                          Optional<MobileNetworkId> homeNetwork) {

        public static final Handset UNKNOWN = new Handset(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Handset {
            Objects.requireNonNull(imsi, "imsi");
            Objects.requireNonNull(imei, "imei");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(homeNetwork, "homeNetwork");
        }
    }

    /** Height and movement of the handset (HTTPS only): a caller on a moving bus is not at the fix for long. */
    public record Motion(OptionalDouble altitudeMeters, OptionalDouble verticalAccuracyMeters, OptionalDouble bearingDegrees,
                         OptionalDouble speedMetersPerSecond) {

        public static final Motion UNKNOWN = new Motion(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty());

        public Motion {
            Objects.requireNonNull(altitudeMeters, "altitudeMeters");
            Objects.requireNonNull(verticalAccuracyMeters, "verticalAccuracyMeters");
            Objects.requireNonNull(bearingDegrees, "bearingDegrees");
            Objects.requireNonNull(speedMetersPerSecond, "speedMetersPerSecond");
        }
    }

    /**
     * What made the handset send (HTTPS only): the number it dialled or texted, whether it was a call or an
     * SMS, and when the call began. It lets the resolver match the report to the right call of a caller who
     * dials twice.
     */
    public record Trigger(Optional<String> emergencyNumber, Optional<String> activation, Optional<Instant> callStart) {

        public static final Trigger UNKNOWN = new Trigger(Optional.empty(), Optional.empty(), Optional.empty());

        public Trigger {
            Objects.requireNonNull(emergencyNumber, "emergencyNumber");
            Objects.requireNonNull(activation, "activation (\"call\" or \"sms\")");
            Objects.requireNonNull(callStart, "callStart");
        }
    }
}
