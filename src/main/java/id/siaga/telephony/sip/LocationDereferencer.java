package id.siaga.telephony.sip;

import id.siaga.location.PidfLoParser;
import id.siaga.location.PidfLoResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches a location given by reference ({@code Geolocation: <https://lis.example/loc/123>}) from the
 * carrier's location server with a HELD request (RFC 6753: POST of a {@code locationRequest}, answered by a
 * {@code locationResponse} holding PIDF-LO; a bare PIDF-LO answer is taken too). The URI comes from the
 * caller's INVITE, so only hosts configured as location servers are ever contacted (no request forgery
 * into the police network), with a short timeout: the call rings meanwhile and the fix, when it comes,
 * joins the call like any later report. Never throws: a failure is a result with the reason.
 */
public final class LocationDereferencer {

    static final String HELD_REQUEST = "<?xml version=\"1.0\"?><locationRequest xmlns=\"urn:ietf:params:xml:ns:geopriv:held\" "
            + "responseTime=\"emergencyRouting\"><locationType exact=\"false\">geodetic</locationType></locationRequest>";
    /** A location response is a few kilobytes; anything much larger is not one. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final Set<String> allowedHosts;
    private final Duration timeout;
    private final HttpClient http;

    /** @param allowedHosts host names (lower case) of the location servers that may be asked; empty: none */
    public LocationDereferencer(Set<String> allowedHosts, Duration timeout) {
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether any location server is configured at all. */
    public boolean enabled() {
        return !allowedHosts.isEmpty();
    }

    /** The location behind {@code reference}, or the reason there is none. */
    public CompletableFuture<PidfLoResult> dereference(String reference) {
        URI uri;
        try {
            uri = URI.create(reference.trim());
        } catch (IllegalArgumentException e) {
            return done(PidfLoParser.unusable("location reference is not a URI: " + e.getMessage()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return done(PidfLoParser.unusable("location reference " + scheme + ": is not fetched (only HELD over HTTP(S))"));
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            return done(PidfLoParser.unusable("location server " + host + " is not configured (siaga.location.dereference-hosts)"));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/held+xml;charset=utf-8")
                .header("Accept", "application/held+xml, application/pidf+xml")
                .POST(HttpRequest.BodyPublishers.ofString(HELD_REQUEST, StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(LocationDereferencer::read)
                .exceptionally(e -> PidfLoParser.unusable("location server " + host + " did not answer: "
                        + (e.getCause() == null ? e : e.getCause())));
    }

    private static PidfLoResult read(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return PidfLoParser.unusable("location server answered " + response.statusCode());
        }
        if (response.body().length > MAX_RESPONSE_BYTES) {
            return PidfLoParser.unusable("location server sent " + response.body().length + " bytes, over " + MAX_RESPONSE_BYTES);
        }
        return PidfLoParser.parsePidf(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<PidfLoResult> done(PidfLoResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
