package id.siaga.bench;

import id.siaga.telephony.ReportMatching;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What matching one AML report to its call costs on the call loop, with as many live calls as a busy
 * national centre holds: the caller's number rang twice (the handset's call start picks the right one),
 * everyone else once. {@code bench/jmh.sh -f 1 -wi 3 -i 5 -prof gc ReportMatchingBenchmark}.
 */
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReportMatchingBenchmark {

    record Call(String callerNumber, Instant offeredAt, boolean ended) implements ReportMatching.Live {
    }

    @State(Scope.Benchmark)
    public static class LiveCalls {
        @Param({"100", "1000", "5000"})
        int live;
        List<Call> calls;
        Instant now;
        Optional<Instant> callStart;

        @Setup
        public void prepare() {
            now = Instant.parse("2026-11-28T03:10:00Z");
            calls = new ArrayList<>(live);
            for (int i = 0; i < live; i++) {
                calls.add(new Call("+62812" + String.format("%08d", i), now.minusSeconds(i % 300), false));
            }
            calls.add(new Call("+6281299990000", now.minusSeconds(40), false));
            calls.add(new Call("+6281299990000", now.minusSeconds(5), false));
            callStart = Optional.of(now.minusSeconds(6));
            if (ReportMatching.match(calls, "+6281299990000", callStart, now, Duration.ofMinutes(10)) != calls.get(calls.size() - 1)) {
                throw new IllegalStateException("benchmark report does not match the intended call");
            }
        }
    }

    @Benchmark
    public Call matchAmongLiveCalls(LiveCalls s) {
        return ReportMatching.match(s.calls, "+6281299990000", s.callStart, s.now, Duration.ofMinutes(10));
    }
}
