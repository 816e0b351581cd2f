package id.siaga.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the session's CSRF token to the page in its {@code XSRF-TOKEN} cookie: the consoles are static pages, which
 * never render the token themselves, and read it from the cookie instead. Only where there is a session to keep a token
 * in (a console's) or the login page, which starts one: a script calling with credentials in a header gets no session.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null && (request.getSession(false) != null || loginPage(request))) {
            SessionCsrfTokens.copyToCookie(request, response, token.getToken());
        }
        chain.doFilter(request, response);
    }

    private static boolean loginPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && ("/login".equals(path) || "/login.html".equals(path));
    }
}
