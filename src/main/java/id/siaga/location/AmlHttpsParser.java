package id.siaga.location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An AML message over HTTPS: the form fields an Android handset's Emergency Location Service POSTs
 * ({@code location_latitude}, {@code location_accuracy}, {@code device_number}, …), already decoded by the
 * web edge into names and values; no servlet type reaches this package.
 *
 * <p>Every field is optional (Android's ELS reference: "every field is considered optional. The endpoint
 * should generally be able to handle messages with missing/malformed fields without errors"). So:
 * <ul>
 * <li>a message without a usable position is still a report, with the reason it has no fix;</li>
 * <li>a malformed field that defines the position ({@code location_latitude}, {@code location_longitude},
 *     {@code location_accuracy}, {@code location_time}) rejects the message with the reason: the position
 *     cannot be trusted when part of it is garbage;</li>
 * <li>any other malformed field is dropped and listed in {@link AmlReport#ignored()};</li>
 * <li>a field given twice is refused (which latitude is the caller's?), as are more than
 *     {@link #MAX_FIELDS} fields or a value over {@link #MAX_VALUE_CHARACTERS} characters;</li>
 * <li>{@code 0,0} is read as "no position", as in the SMS format; nobody dials 110 from the Gulf of Guinea.</li>
 * </ul>
 * Numbers are plain decimals: {@code NaN}, {@code Infinity}, hex floats and Java's {@code 1d} are refused,
 * though {@link Double#parseDouble} would take them. Times are Unix milliseconds between 2000 and 2100.
 */
public final class AmlHttpsParser {

    /** Android sends about 30 fields (more with additional emergency information); 200 is plenty and bounds the work. */
    public static final int MAX_FIELDS = 200;
    /** The longest real value is a device model or an ICCID; a kilobyte is plenty. */
    public static final int MAX_VALUE_CHARACTERS = 1024;
    private static final int MODEL_CHARACTERS = 100;
    private static final List<String> READ = List.of("v", "emergency_number", "source", "time", "device_number", "device_model",
            "device_imsi", "device_imei", "cell_home_mcc", "cell_home_mnc", "cell_network_mcc", "cell_network_mnc",
            "location_latitude", "location_longitude", "location_time", "location_altitude", "location_vertical_accuracy",
            "location_source", "location_accuracy", "location_confidence", "location_certainty", "location_bearing",
            "location_speed");

    private AmlHttpsParser() {
    }

    /**
     * Reads one POST.
     *
     * @param fields the form fields by name, each with the values given for it in order (a servlet's
     *               parameter map, copied); {@code null} or empty is rejected
     */
    public static AmlResult parse(Map<String, List<String>> fields) {
        if (fields == null || fields.isEmpty()) {
            return AmlResult.rejected("AML HTTPS message without any field");
        }
        if (fields.size() > MAX_FIELDS) {
            return AmlResult.rejected("AML HTTPS message with " + fields.size() + " fields exceeds " + MAX_FIELDS);
        }
        try {
            return AmlResult.accepted(read(new Fields(fields)));
        } catch (UnusableLocation e) {
            return AmlResult.rejected(e.getMessage());
        } catch (RuntimeException e) {
            return AmlResult.rejected(AmlValues.bug(e));
        }
    }

    private static AmlReport read(Fields f) throws UnusableLocation {
        for (String name : READ) {
            f.check(name);
        }
        List<String> ignored = new ArrayList<>();
        PositioningMethod method = f.get("location_source").map(PositioningMethod::ofHttpsSource).orElse(PositioningMethod.UNKNOWN);
        if (method == PositioningMethod.UNKNOWN && f.get("location_source").filter(s -> !s.equalsIgnoreCase("unknown")).isPresent()) {
            ignored.add("location_source " + UnusableLocation.shown(f.get("location_source").orElseThrow()) + " is not gps, wifi, cell or unknown");
        }
        Optional<String> latitudeText = f.get("location_latitude");
        Optional<String> longitudeText = f.get("location_longitude");
        double accuracy = Double.NaN;
        if (f.get("location_accuracy").isPresent()) {
            accuracy = AmlValues.radius("location_accuracy", f.get("location_accuracy").orElseThrow());
        }
        Optional<Instant> measuredAt = Optional.empty();
        if (f.get("location_time").isPresent()) {
            measuredAt = Optional.of(AmlValues.epochMillis("location_time", f.get("location_time").orElseThrow()));
        }
        Optional<LocationFix> fix = Optional.empty();
        String noFix;
        if (latitudeText.isEmpty() || longitudeText.isEmpty()) {
            noFix = latitudeText.isEmpty() && longitudeText.isEmpty()
                    ? "no location_latitude/location_longitude: the message carries no position"
                    : (latitudeText.isEmpty() ? "location_longitude without location_latitude" : "location_latitude without location_longitude")
                            + ": no position";
        } else {
            double latitude = AmlValues.latitude("location_latitude", latitudeText.orElseThrow());
            double longitude = AmlValues.longitude("location_longitude", longitudeText.orElseThrow());
            if (latitude == 0 && longitude == 0) {
                noFix = "location 0,0: the handset had no position";
            } else {
                fix = Optional.of(new LocationFix(latitude, longitude, accuracy, LocationSource.AML, method.word(), measuredAt));
                noFix = "";
            }
        }
        AmlReport.Motion motion = new AmlReport.Motion(
                optionalDecimal(f, "location_altitude", -1_000, 100_000, ignored),
                optionalDecimal(f, "location_vertical_accuracy", 0, 100_000, ignored),
                optionalDecimal(f, "location_bearing", 0, 360, ignored),
                optionalDecimal(f, "location_speed", 0, 1_000, ignored));
        AmlReport.Handset handset = new AmlReport.Handset(
                AmlValues.identifier("device_imsi", f.get("device_imsi").orElse(null), AmlValues::isImsi, "an IMSI", ignored),
                AmlValues.identifier("device_imei", f.get("device_imei").orElse(null), AmlValues::isImei, "an IMEI", ignored),
                f.get("device_model").map(m -> AmlValues.text(m, MODEL_CHARACTERS)).filter(m -> !m.isEmpty()),
                AmlValues.network(f.get("cell_home_mcc").orElse(null), f.get("cell_home_mnc").orElse(null), ignored));
        return new AmlReport(AmlTransport.HTTPS, fix, noFix, method, confidence(f, ignored), motion,
                AmlValues.callerNumber(f.get("device_number").orElse(null), ignored), handset,
                AmlValues.network(f.get("cell_network_mcc").orElse(null), f.get("cell_network_mnc").orElse(null), ignored),
                trigger(f, ignored), ignored);
    }

    /**
     * {@code location_confidence} is a fraction (0.6827); ETSI's {@code location_certainty}, which some
     * senders use instead, is a percentage (83). Zero means none.
     */
    private static OptionalDouble confidence(Fields f, List<String> ignored) {
        if (f.get("location_confidence").isPresent()) {
            OptionalDouble fraction = optionalDecimal(f, "location_confidence", 0, 1, ignored);
            return fraction.isPresent() && fraction.getAsDouble() > 0 ? OptionalDouble.of(fraction.getAsDouble() * 100) : OptionalDouble.empty();
        }
        OptionalDouble percent = optionalDecimal(f, "location_certainty", 0, 100, ignored);
        return percent.isPresent() && percent.getAsDouble() > 0 ? percent : OptionalDouble.empty();
    }

    private static AmlReport.Trigger trigger(Fields f, List<String> ignored) {
        Optional<String> number = f.get("emergency_number");
        if (number.isPresent() && !AmlValues.digits(number.get(), 2, 15)) {
            ignored.add("emergency_number " + UnusableLocation.shown(number.get()) + " is not a number");
            number = Optional.empty();
        }
        Optional<String> activation = f.get("source").map(s -> s.toLowerCase(Locale.ROOT));
        if (activation.isPresent() && !activation.get().equals("call") && !activation.get().equals("sms")) {
            ignored.add("source " + UnusableLocation.shown(f.get("source").orElseThrow()) + " is not call or sms");
            activation = Optional.empty();
        }
        Optional<Instant> callStart = Optional.empty();
        if (f.get("time").isPresent()) {
            try {
                callStart = Optional.of(AmlValues.epochMillis("time", f.get("time").orElseThrow()));
            } catch (UnusableLocation e) {
                ignored.add(e.getMessage());
            }
        }
        return new AmlReport.Trigger(number, activation, callStart);
    }

    /** A decimal within [min, max], or empty (listed in {@code ignored} when it was there but malformed). */
    private static OptionalDouble optionalDecimal(Fields f, String name, double min, double max, List<String> ignored) {
        Optional<String> text = f.get(name);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double d = AmlValues.decimal(name, text.get());
            if (d >= min && d <= max) {
                return OptionalDouble.of(d);
            }
            ignored.add(AmlValues.written(name, text.get()) + " is out of range " + plain(min) + ".." + plain(max));
        } catch (UnusableLocation e) {
            ignored.add(e.getMessage());
        }
        return OptionalDouble.empty();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The form fields, values trimmed; an empty value is no value. */
    private record Fields(Map<String, List<String>> all) {

        /** Refuses a field given more than once or too long; an unknown field is never looked at. */
        void check(String name) throws UnusableLocation {
            List<String> values = all.get(name);
            if (values == null) {
                return;
            }
            if (values.size() > 1) {
                throw new UnusableLocation("field " + name + " is given " + values.size() + " times");
            }
            if (!values.isEmpty() && values.get(0) != null && values.get(0).length() > MAX_VALUE_CHARACTERS) {
                throw new UnusableLocation("field " + name + " of " + values.get(0).length() + " characters exceeds " + MAX_VALUE_CHARACTERS);
            }
        }

        Optional<String> get(String name) {
            List<String> values = all.get(name);
            if (values == null || values.isEmpty() || values.get(0) == null) {
                return Optional.empty();
            }
            String value = values.get(0).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }
}
