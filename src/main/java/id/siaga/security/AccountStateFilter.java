package id.siaga.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each request of a logged-in person is held against their account as stored now, so an administrator's change
 * takes effect at once, on every node, without waiting for the session to end:
 * <ul>
 * <li>an account disabled, removed, or whose password was reset (or changed in another session) ends the session:
 * 401 problem+json for the API, the login page for a page;</li>
 * <li>changed roles, home station or display name replace the session's, so the next check already uses them;</li>
 * <li>while the password is a temporary one, only the password page, what it needs and logging out are served: the
 * API answers 403 problem+json saying so, a page sends the user to the password page.</li>
 * </ul>
 * Integration clients (API keys) have no account and pass. While the database is away the session's own copy stands:
 * an operator in the middle of a call keeps working; after a failed check the next {@link #RETRY_AFTER} go unchecked,
 * so that requests do not each wait for the database's connection timeout, and then the check resumes.
 */
public final class AccountStateFilter extends OncePerRequestFilter {

    /** Where a user with a temporary password is sent, and what stays served meanwhile. */
    public static final String PASSWORD_PAGE = "/account/password";
    public static final String PASSWORD_API = "/api/account/password";
    static final String MUST_CHANGE = "your password was set by an administrator and must be changed before anything else: "
            + "change it on " + PASSWORD_PAGE + " (or POST " + PASSWORD_API + ")";
    private static final List<String> SERVED_WHILE_CHANGING = List.of(PASSWORD_PAGE, "/account/", "/api/account/", "/api/console",
            "/api/me", "/logout", "/login", "/error", "/css/", "/js/", "/webjars/", "/favicon.ico");
    private static final Logger log = LoggerFactory.getLogger(AccountStateFilter.class);
    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();
    /** How long requests go unchecked after the database failed a check: about a failover's time. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final UserAccountStore users;
    private volatile long uncheckedUntilNanos = System.nanoTime();

    public AccountStateFilter(UserAccountStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SiagaPrincipal principal) || principal.isApiClient()) {
            chain.doFilter(request, response);
            return;
        }
        if (System.nanoTime() - uncheckedUntilNanos < 0) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> stored;
        try {
            stored = users.find(principal.username());
        } catch (DataAccessException e) {
            uncheckedUntilNanos = System.nanoTime() + RETRY_AFTER.toNanos();
            log.warn("accounts not checked for {}: the database is away ({})", RETRY_AFTER, e.getMessage());
            chain.doFilter(request, response);
            return;
        }
        if (stored.isEmpty() || !stored.get().enabled() || !stored.get().passwordHash().equals(principal.passwordHash())) {
            endSession(request, response, principal, stored);
            return;
        }
        UserAccount account = stored.get();
        if (!principal.matches(account)) {
            replacePrincipal(request, response, auth, account);
        }
        if (account.mustChangePassword() && !servedWhileChanging(request)) {
            if (wantsPage(request)) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            } else {
                ProblemJson.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", MUST_CHANGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Puts the account as stored now in place of the request's principal, and in its session if it has one: the next
     * requests see its roles, station and password hash.
     */
    public static void replacePrincipal(HttpServletRequest request, HttpServletResponse response, Authentication auth, UserAccount account) {
        SiagaPrincipal fresh = SiagaPrincipal.of(account);
        UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        replaced.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(replaced);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            SESSIONS.saveContext(context, request, response);
        }
    }

    private static void endSession(HttpServletRequest request, HttpServletResponse response, SiagaPrincipal principal,
                                   Optional<UserAccount> stored) throws IOException {
        String why = stored.isEmpty() ? "removed" : !stored.get().enabled() ? "disabled" : "given a new password";
        log.info("session of {} ended: the account was {}", principal.username(), why);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
        } else {
            ProblemJson.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "your session has ended: the account was " + why + "; log in again");
        }
    }

    private static boolean servedWhileChanging(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SERVED_WHILE_CHANGING.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
