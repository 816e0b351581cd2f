package id.siaga.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public API ({@code /api/public/**}) needs no login, so nothing else stops a client from trying tokens: each
 * client address gets a bucket of {@code siaga.integration.public-requests-per-minute} requests, refilled evenly
 * over the minute; an empty bucket answers 429 with Retry-After. Idle buckets are forgotten when the table grows.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PublicRateLimitFilter extends OncePerRequestFilter {

    private static final int FORGET_ABOVE = 100_000;

    private final double capacity;
    private final double perNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicRateLimitFilter(PublicRequestRate rate, Clock clock) {
        this.capacity = rate.publicRequestsPerMinute();
        this.perNano = capacity / 60e9;
        this.clock = clock;
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/public/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long waitSeconds = take(request.getRemoteAddr());
        if (waitSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(waitSeconds));
            Problems.write(request, response, 429, "too many requests from this address; try again in " + waitSeconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Takes one request from the address's bucket: 0 when allowed, else the seconds until one is free. */
    long take(String address) {
        long now = clock.millis() * 1_000_000L;
        if (buckets.size() > FORGET_ABOVE) {
            buckets.values().removeIf(b -> b.tokens + (now - b.at) * perNano >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
        }
    }
}
