package id.siaga.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls of a {@code caller-cluster.xml} run as its log tells them: when each INVITE went, when its 180 came and
 * from which node (the SIP port in the 180's Contact), or how it failed. A call that never rang failed.
 */
final class ClusterCalls {

    private static final Pattern LINE = Pattern.compile("^call (\\S+) (sent|rang|refused|lost)\\s*(\\S*)(?: node (\\d+))?");

    /** One call: {@code rangAt} and {@code node} null when it never rang; {@code refused} the status it got instead, if any. */
    record Call(String callId, long sentAt, Long rangAt, Integer node, String refused) {

        boolean rang() {
            return rangAt != null;
        }

        /** INVITE sent to 180 received, in milliseconds. */
        long postDialDelayMillis() {
            return rangAt - sentAt;
        }

        @Override
        public String toString() {
            return callId + (rang() ? " rang at node " + node + " after " + postDialDelayMillis() + " ms"
                    : refused != null ? " refused " + refused : " never rang");
        }
    }

    private ClusterCalls() {
    }

    /** Every call of the log, in the order the INVITEs went. */
    static List<Call> read(Path log) {
        Map<String, long[]> sent = new LinkedHashMap<>();
        Map<String, Long> rang = new LinkedHashMap<>();
        Map<String, Integer> node = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            Matcher m = LINE.matcher(line.trim());
            if (!m.find()) {
                continue;
            }
            String id = m.group(1);
            switch (m.group(2)) {
                case "sent" -> sent.put(id, new long[] {millis(m.group(3))});
                case "rang" -> {
                    rang.put(id, millis(m.group(3)));
                    node.put(id, Integer.parseInt(m.group(4)));
                }
                case "refused" -> refused.put(id, m.group(3));
                default -> refused.putIfAbsent(id, null);
            }
        }
        List<Call> calls = new ArrayList<>();
        sent.forEach((id, at) -> calls.add(new Call(id, at[0], rang.get(id), node.get(id), refused.get(id))));
        calls.sort(Comparator.comparingLong(Call::sentAt));
        return calls;
    }

    /** SIPp prints its numbers with six decimals: milliseconds since 1970 with a fraction. */
    private static long millis(String printed) {
        return Math.round(Double.parseDouble(printed));
    }

    /** The {@code q}-quantile (0.5: median, 0.99: p99) of the post-dial delays of the calls that rang, in ms; -1 if none rang. */
    static long postDialDelay(List<Call> calls, double q) {
        long[] delays = calls.stream().filter(Call::rang).mapToLong(Call::postDialDelayMillis).sorted().toArray();
        if (delays.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(q * delays.length) - 1;
        return delays[Math.max(0, Math.min(delays.length - 1, index))];
    }
}
