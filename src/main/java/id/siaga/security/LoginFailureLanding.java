package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * After a failed login form: back to the login page, saying why in its address, which the page turns into words:
 * {@code ?error} (wrong username or password), {@code ?wait=s} (too many failures: wait before the next try),
 * {@code ?locked=s} (this user is locked), {@code ?blocked=s} (logins from this address are locked),
 * {@code ?unavailable} (the database is away: nothing is wrong with the password).
 */
final class LoginFailureLanding implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureLanding.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login?" + reason(e));
    }

    static String reason(AuthenticationException e) {
        if (e instanceof LoginRefusedException refused) {
            LoginThrottle.Refused r = refused.refusal();
            String why = !r.locked() ? "wait" : r.kind() == LoginThrottle.Kind.USER ? "locked" : "blocked";
            return why + "=" + r.retryAfterSeconds();
        }
        if (e instanceof InternalAuthenticationServiceException) {
            if (ProblemAuthenticationEntryPoint.databaseUnavailable(e)) {
                log.warn("a login form could not be checked: the user store is unavailable");
            } else {
                log.error("a login form could not be checked", e);
            }
            return "unavailable";
        }
        return "error";
    }
}
