package id.siaga.bench;

import id.siaga.location.AmlHttpsParser;
import id.siaga.location.AmlResult;
import id.siaga.location.AmlSmsParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reading one AML message costs: an SMS as the gateway hands it over, an Android ELS POST as the web
 * edge hands it over (its fields already decoded into a map), and an SMS rejected for a wrong {@code ml},
 * the path a flood of forged messages takes. Run with {@code -prof gc} for the allocation per message:
 * {@code bench/jmh.sh -f 1 -wi 3 -i 5 -prof gc AmlParseBenchmark}.
 *
 * <p>AML arrives once or twice per emergency call, so throughput is not the question; the figures show
 * the parsers cost microseconds, not milliseconds, and what a flood would cost.
 */
@Fork(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AmlParseBenchmark {

    /** The messages, as in src/test/resources/aml/ (sms-sleman-gnss.txt, sms-wrong-ml.txt, https-sleman-gps.form). */
    @State(Scope.Benchmark)
    public static class Messages {
        String sms;
        String smsWrongLength;
        String sender;
        Map<String, List<String>> httpsFields;

        @Setup
        public void prepare() {
            sms = "A\"ML=1;lt=-7.71560;lg=+110.35580;rd=14;top=20261128101530;lc=68;pm=G;si=510100000000000;ei=356938035643809;mcc=510;"
                    + "mnc=10;ml=128";
            smsWrongLength = "A\"ML=1;lt=-7.80194;lg=+110.364920;rd=1964;top=20261128101530;lc=95;pm=W;si=510890000000000;"
                    + "ei=357365093474415;mcc=510;mnc=89;ml=128";
            sender = "+6281234567890";
            httpsFields = new LinkedHashMap<>();
            String[][] fields = {{"v", "1"}, {"emergency_number", "110"}, {"source", "CALL"}, {"thunderbird_version", "2800"},
                    {"time", "1795860910000"}, {"location_latitude", "-7.7156012"}, {"location_longitude", "110.3558034"},
                    {"location_time", "1795860927456"}, {"location_altitude", "160.5"}, {"location_altitude_msl", "134.2"},
                    {"location_floor", "2"}, {"location_source", "gps"}, {"location_accuracy", "12.5"},
                    {"location_vertical_accuracy", "3.5"}, {"location_confidence", "0.6827"}, {"location_bearing", "156.7"},
                    {"location_speed", "1.2"}, {"device_number", "+6281234567890"}, {"device_model", "samsung SM-A155F"},
                    {"device_imsi", "510101234567890"}, {"device_imei", "356938035643809"}, {"device_iccid", "89621000000123456789"},
                    {"cell_home_mcc", "510"}, {"cell_home_mnc", "10"}, {"cell_network_mcc", "510"}, {"cell_network_mnc", "10"}};
            for (String[] field : fields) {
                httpsFields.put(field[0], List.of(field[1]));
            }
            check(AmlSmsParser.parse(sms, sender), true);
            check(AmlSmsParser.parse(smsWrongLength, sender), false);
            check(AmlHttpsParser.parse(httpsFields), true);
        }

        private static void check(AmlResult result, boolean located) {
            if (result.fix().isPresent() != located) {
                throw new IllegalStateException("benchmark message not as intended: " + result);
            }
        }
    }

    @Benchmark
    public AmlResult sms(Messages messages) {
        return AmlSmsParser.parse(messages.sms, messages.sender);
    }

    @Benchmark
    public AmlResult smsRejected(Messages messages) {
        return AmlSmsParser.parse(messages.smsWrongLength, messages.sender);
    }

    @Benchmark
    public AmlResult https(Messages messages) {
        return AmlHttpsParser.parse(messages.httpsFields);
    }
}
