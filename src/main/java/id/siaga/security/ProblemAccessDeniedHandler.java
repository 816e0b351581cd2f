package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 403 as RFC 9457 problem+json, saying why: a role that does not allow the request, or a change that came without
 * the session's CSRF token (a page loaded before the token changed: reloading it fetches the current one). A change
 * whose session has ended is told so (401, through the entry point), so a console takes its user to the login page.
 */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final AuthenticationEntryPoint entryPoint;

    public ProblemAccessDeniedHandler(AuthenticationEntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
                try {
                    entryPoint.commence(request, response, new InsufficientAuthenticationException("the session has ended; log in again"));
                } catch (jakarta.servlet.ServletException failed) {
                    throw new IOException(failed);
                }
                return;
            }
            ProblemJson.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "missing or invalid CSRF token; reload the page");
            return;
        }
        ProblemJson.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "your role does not allow this");
    }
}
