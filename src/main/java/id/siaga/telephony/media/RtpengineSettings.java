package id.siaga.telephony.media;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How to reach rtpengine.
 *
 * @param instances      the ng control addresses of the instances ({@code --listen-ng}); at least one
 * @param timeout        how long one try waits for a reply
 * @param attempts       how many times a request is sent (the same cookie each time) before its instance counts as down
 * @param retryDeadAfter how long an instance that did not answer is skipped by new calls before it is pinged again
 */
public record RtpengineSettings(List<InetSocketAddress> instances, Duration timeout, int attempts, Duration retryDeadAfter) {

    public RtpengineSettings {
        instances = List.copyOf(instances);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("at least one rtpengine instance is needed");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the ng timeout must be positive, got " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, got " + attempts);
        }
        if (retryDeadAfter.isNegative() || retryDeadAfter.isZero()) {
            throw new IllegalArgumentException("the retry interval of a dead instance must be positive, got " + retryDeadAfter);
        }
    }

    /**
     * Reads {@code host:port} ({@code [v6]:port} for an IPv6 address); the host is resolved now. An
     * {@link IllegalArgumentException} says what is wrong.
     */
    public static InetSocketAddress instance(String hostPort) {
        String s = hostPort == null ? "" : hostPort.trim();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("an rtpengine instance is host:port, got '" + hostPort + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 rtpengine instance is [address]:port, got '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of rtpengine instance '" + hostPort + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port of rtpengine instance '" + hostPort + "' is not 1-65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("the host of rtpengine instance '" + hostPort + "' does not resolve");
        }
        return address;
    }
}
