package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything but health, the login page, the OpenAPI document, the shared assets and the officer app's manifest and
 * icons needs a login. People log in with a form
 * (consoles) or HTTP Basic (scripts), both through the {@link LoginThrottle}; integration clients send
 * {@code X-Api-Key}. Each console's pages are for its roles only. Unauthenticated API calls get 401 problem+json,
 * never a redirect.
 * <p>
 * CSRF: a change made with a logged-in session needs the session's token (the consoles read it from the
 * {@code XSRF-TOKEN} cookie and send it in {@code X-XSRF-TOKEN}, the login form as {@code _csrf}); see
 * {@link SessionCsrfTokens}. Only a request that carries its credentials in a header (Basic or {@code X-Api-Key}) and
 * has no logged-in session is spared: nothing a browser sends by itself could authenticate it. Whatever else such a
 * request carries (an {@code Authorization} header of another scheme, say), a logged-in session still needs the token.
 * <p>
 * Every response carries a Content-Security-Policy ({@link ContentSecurityPolicy}), {@code Referrer-Policy:
 * same-origin} (console addresses never travel to a tile server), {@code X-Content-Type-Options: nosniff} and
 * {@code X-Frame-Options: DENY}; HSTS only on HTTPS requests, as Spring Security writes it.
 * <p>
 * Each logged-in request is held against the account as stored now ({@link AccountStateFilter}): a disabled account's
 * sessions end at once, and a temporary password must be changed before anything else. The administration console
 * ({@code /admin/}) is for administrators only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain siagaSecurity(HttpSecurity http, ApiKeys apiKeys, UserDetailsService users, PasswordEncoder passwords,
                                      LoginThrottle throttle, ContentSecurityPolicy policy, UserAccountStore accounts)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwords);
        AuthenticationManager logins = new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle));
        http.authenticationManager(logins)
                .authorizeHttpRequests(auth -> auth
                        // "/login" is served by a forward to the static login.html, and forwards pass the filter chain too
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/login.html", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // the consoles' shared assets and the citizen's status page carry no data of their own
                        .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/status/**",
                                "/api/public/**").permitAll()
                        // the officer app's manifest and icons: a browser fetches them without the session's cookie (that is
                        // how it installs an app), and they carry nothing of a station's; the app itself stays behind the login
                        .requestMatchers(HttpMethod.GET, "/officer/manifest.json", "/officer/icon.svg", "/officer/icon-192.png",
                                "/officer/icon-512.png").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                        // each console refuses the other roles (the API behind it checks again)
                        .requestMatchers("/operator/**").hasAnyRole(Role.OPERATOR.name(), Role.DISPATCHER.name())
                        .requestMatchers("/supervisor/**").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/officer/**").hasRole(Role.FIELD_OFFICER.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new ConsoleLanding()).failureHandler(new LoginFailureLanding()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(entryPoint, request -> !acceptsHtml(request))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(entryPoint)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(new SessionCsrfTokens())
                        // the consoles are static pages whose script sends the cookie's copy of the token in X-XSRF-TOKEN
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(needsCsrfToken()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy.header()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new AccountStateFilter(accounts), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Changes (any method but GET, HEAD, TRACE, OPTIONS) need the token, except those that carry Basic credentials or
     * an API key in a header and come without a logged-in session.
     */
    static RequestMatcher needsCsrfToken() {
        return request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) && !(headerCredentials(request) && !sessionLoggedIn(request));
    }

    private static boolean headerCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
                || authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ");
    }

    /** Whether the request's session (if it has one) holds a login: then the browser, not the header, speaks for it. */
    private static boolean sessionLoggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext c && c.getAuthentication() != null && c.getAuthentication().isAuthenticated();
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/");
    }
}
