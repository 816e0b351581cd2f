package id.siaga.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the session, where only the server can set them, and shown to the consoles' scripts in the
 * {@code XSRF-TOKEN} cookie, which they send back in {@code X-XSRF-TOKEN} (the login and logout forms as {@code _csrf}).
 * The cookie is only a copy: a request is checked against the session's token, so a token someone planted in the
 * cookie (and the header) is worth nothing. The copy is written whenever the session's token changes and whenever the
 * browser's copy differs; it is {@code Secure} when the request came over HTTPS.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final String WRITTEN = SessionCsrfTokens.class.getName() + ".written";

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

    SessionCsrfTokens() {
        session.setHeaderName(HEADER);
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        session.saveToken(token, request, response);
        copyToCookie(request, response, token == null ? "" : token.getToken());
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return session.loadToken(request);
    }

    /** Sets the browser's {@code XSRF-TOKEN} cookie to this value (empty: removes it) unless it already holds it. */
    static void copyToCookie(HttpServletRequest request, HttpServletResponse response, String value) {
        Object written = request.getAttribute(WRITTEN);
        String current = written != null ? written.toString() : cookieValue(request);
        if (value.equals(current)) {
            return;
        }
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value).path(path).secure(request.isSecure()).httpOnly(false).sameSite("Strict")
                .maxAge(value.isEmpty() ? 0 : -1).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        request.setAttribute(WRITTEN, value);
    }

    private static String cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return "";
    }
}
