package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as RFC 9457 problem+json, with a Basic challenge so command-line clients know what to send. A console's own
 * requests (its script's fetches, event streams and sockets) get no challenge: a browser answers one with its own
 * password box, or in the background waits on it forever, where the console must take the user to the login page
 * and say that the session ended.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!fromConsoleScript(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Siaga 110\"");
        }
        ProblemJson.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                e.getMessage() == null ? "authentication required" : e.getMessage());
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
