package id.siaga.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates integration clients by the {@code X-Api-Key} header; a wrong key is a 401, never a pass, and a key that
 * cannot be checked because the database is away is a 503 with {@code Retry-After}. Keys are not throttled like
 * passwords: a key has 256 random bits, so guessing one is hopeless, and clients with keys keep working while someone
 * else's password guesses lock a user or an address.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    public static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;

    public ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<ApiClient> client;
        try {
            client = keys.authenticate(key.trim());
        } catch (DataAccessException e) {
            // the key store is away: the client is to try again, not to think its key was revoked
            log.warn("an API key for {} could not be checked: the key store is unavailable ({})", request.getRequestURI(),
                    e.getClass().getSimpleName());
            ProblemJson.databaseUnavailable(request, response);
            return;
        }
        if (client.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown, revoked or malformed API key"));
            return;
        }
        ApiClient c = client.get();
        SiagaPrincipal principal = SiagaPrincipal.of(c);
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
