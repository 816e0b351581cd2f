package id.siaga.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where webhooks may be sent, so a subscriber's address cannot turn Siaga 110 into a client of the police's own network
 * (server-side request forgery): https only, and never to a loopback, link-local, private (RFC 1918, IPv6 unique-local),
 * shared (100.64/10), multicast, broadcast or unspecified address. A subscriber's address is checked when it is given
 * ({@link #check}) and again before every delivery ({@link #refusal}), after resolving its host afresh, because a name
 * that pointed outside may be re-pointed inside later (DNS rebinding). The check and the delivery's own connection read
 * the same JVM address cache (30 s by default), so the address checked is the address connected to, but for a record
 * that expires between the two. Redirects are never followed by the sender.
 *
 * <p>A receiver of the police's own network (a Polda's Binmas server at 10.20.0.8) is let through by naming its network:
 * {@code allowedInside} says which inside addresses may be reached, still over https only; every other inside address stays
 * refused. {@code allowPrivate} lifts both rules (http and inside addresses): for tests and a demo whose receiver runs on the
 * same machine, never for production.
 */
public final class WebhookAddresses {

    /** How a host name becomes addresses: the system resolver, or a fixed answer in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Predicate<InetAddress> allowedInside;
    private final Resolver resolver;

    public WebhookAddresses(boolean allowPrivate) {
        this(allowPrivate, address -> false, InetAddress::getAllByName);
    }

    /** Resolving with the system resolver. */
    public static WebhookAddresses resolving(boolean allowPrivate, Predicate<InetAddress> allowedInside) {
        return new WebhookAddresses(allowPrivate, allowedInside, InetAddress::getAllByName);
    }

    public WebhookAddresses(boolean allowPrivate, Resolver resolver) {
        this(allowPrivate, address -> false, resolver);
    }

    public WebhookAddresses(boolean allowPrivate, Predicate<InetAddress> allowedInside, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowedInside = allowedInside;
        this.resolver = resolver;
    }

    /**
     * Checks a subscriber's address when an administrator gives it: https (or http when inside addresses are allowed), a
     * host, and no address of the host inside. A host that does not resolve now is accepted (its receiver may not be in DNS
     * yet); every delivery checks it again.
     *
     * @throws IllegalArgumentException with the reason, for the administrator
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not an address");
        }
        String scheme = uri.getScheme();
        boolean https = "https".equalsIgnoreCase(scheme);
        if (!(https || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an https address with a host");
        }
        if (!https && !allowPrivate) {
            throw new IllegalArgumentException("url must be https: deliveries carry incidents and are signed, never sent in clear text");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry a user name or password; deliveries are signed with the subscriber's secret");
        }
        try {
            refusal(uri).ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
        } catch (UnknownHostException e) {
            // not in DNS yet: each delivery resolves and checks it again
        }
        return uri;
    }

    /**
     * Why a delivery to {@code uri} is refused now, resolving its host afresh: an inside address, or none when it may go.
     *
     * @throws UnknownHostException when the host does not resolve (the delivery fails and is retried like any unreachable one)
     */
    public Optional<String> refusal(URI uri) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // an address written as one is taken as it is; a name is resolved
        InetAddress[] addresses = literal(host) ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host);
        for (InetAddress address : addresses) {
            if (inside(address) && !allowedInside.test(address)) {
                return Optional.of("url " + uri.getHost() + " resolves to " + address.getHostAddress() + ", an address inside the network ("
                        + kind(address) + ") outside siaga.integration.webhook-allowed-networks; webhooks go to public https "
                        + "addresses and to the networks named there only");
            }
        }
        return Optional.empty();
    }

    private static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /** Whether {@code a} is an address no webhook may reach. */
    static boolean inside(InetAddress a) {
        return kind(a) != null;
    }

    private static String kind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "shared, carrier-grade NAT";
            }
            if (first == 255 && (b[1] & b[2] & b[3] & 0xff) == 0xff) {
                return "broadcast";
            }
            return null;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private, unique-local";
            }
            if (isMapped(b)) {
                try {
                    return kind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return "unparsable";
                }
            }
        }
        return null;
    }

    /** {@code ::ffff:a.b.c.d}, an IPv4 address written as IPv6 (Java turns most into IPv4 itself, but not every path). */
    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
