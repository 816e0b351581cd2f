package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as RFC 9457 problem+json, with a Basic challenge so command-line clients know what to send. A console's own
 * requests (its script's fetches, event streams and sockets) get no challenge: a browser answers one with its own
 * password box, or in the background waits on it forever, where the console must take the user to the login page
 * and say that the session ended.
 * <p>
 * Two refusals are not about the credentials, and say so: a login the {@link LoginThrottle} refused is 429 with
 * {@code Retry-After} (the client is to wait, not to change its password), and a login whose user could not be loaded
 * because the database is away is 503 with {@code Retry-After} (a gateway must not conclude that its password is
 * wrong). Neither carries the underlying error's text, which can hold the user query. A locked user is 429 too, not
 * 423 Locked: 423 is WebDAV's lock on a resource, while 429 with {@code Retry-After} is what HTTP clients and gateways
 * already take as "wait, then retry"; the detail says whether it is a delay or a lock, and of the user or the address.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof LoginRefusedException refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.refusal().retryAfterSeconds()));
            ProblemJson.write(request, response, 429, "Too Many Requests", e.getMessage());
            return;
        }
        if (e instanceof InternalAuthenticationServiceException) {
            if (databaseUnavailable(e)) {
                log.warn("a login to {} could not be checked: the user store is unavailable ({})", request.getRequestURI(),
                        e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
                ProblemJson.databaseUnavailable(request, response);
            } else {
                log.error("a login to {} could not be checked", request.getRequestURI(), e);
                ProblemJson.write(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error",
                        "the login could not be checked; it has been logged");
            }
            return;
        }
        if (!fromConsoleScript(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Siaga 110\"");
        }
        ProblemJson.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                e.getMessage() == null ? "authentication required" : e.getMessage());
    }

    /** Whether the database (Spring's data access layer) failed somewhere under this error. */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request a page's script made: the consoles' {@code api.js} marks its fetches with {@code X-Requested-With};
     * browsers mark every request a script makes (fetch, EventSource, WebSocket) with a {@code Sec-Fetch-Mode} other
     * than {@code navigate}. Command-line clients send neither.
     */
    static boolean fromConsoleScript(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With")) || mode != null && !"navigate".equals(mode);
    }
}
