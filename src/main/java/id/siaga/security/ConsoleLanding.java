package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After the login form: back to the page that asked for it, else to the console of the user's role (operators
 * and dispatchers to the operator console, supervisors to the board, administrators to the administration console,
 * officers to their app). A user whose password an administrator set goes to the password page first.
 */
public final class ConsoleLanding implements AuthenticationSuccessHandler {

    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth) throws IOException {
        if (StationScope.principal(auth).mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + AccountStateFilter.PASSWORD_PAGE);
            return;
        }
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null && !saved.getRedirectUrl().contains("/api/")) {
            requests.removeRequest(request, response);
            response.sendRedirect(saved.getRedirectUrl());
            return;
        }
        response.sendRedirect(request.getContextPath() + console(StationScope.principal(auth)));
    }

    /** The console of the user's role. */
    public static String console(SiagaPrincipal p) {
        if (p.has(Role.OPERATOR) || p.has(Role.DISPATCHER)) {
            return "/operator/";
        } else if (p.has(Role.SUPERVISOR)) {
            return "/supervisor/";
        } else if (p.has(Role.ADMIN)) {
            return "/admin/";
        } else if (p.has(Role.FIELD_OFFICER)) {
            return "/officer/";
        }
        return "/api/me";
    }
}
