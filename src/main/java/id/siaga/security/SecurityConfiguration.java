package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Everything but health, the login page and the OpenAPI document needs a login. People log in with a form
 * (consoles) or HTTP Basic (scripts), both through the {@link LoginThrottle}; integration clients send
 * {@code X-Api-Key}. Requests that carry their credentials in a header are not exposed to cross-site request
 * forgery, so only cookie sessions need a CSRF token: the consoles read it from the {@code XSRF-TOKEN} cookie and
 * send it in {@code X-XSRF-TOKEN} (the login form as {@code _csrf}). Each console's pages are for its roles only.
 * Unauthenticated API calls get 401 problem+json, never a redirect.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain siagaSecurity(HttpSecurity http, ApiKeys apiKeys, UserDetailsService users, PasswordEncoder passwords,
                                      LoginThrottle throttle) throws Exception {
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
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                        // each console refuses the other roles (the API behind it checks again)
                        .requestMatchers("/operator/**").hasAnyRole(Role.OPERATOR.name(), Role.DISPATCHER.name())
                        .requestMatchers("/supervisor/**").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/officer/**").hasRole(Role.FIELD_OFFICER.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new ConsoleLanding()).failureHandler(new LoginFailureLanding()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(entryPoint, request -> !acceptsHtml(request))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        // the consoles are static pages whose script sends the cookie's token back in X-XSRF-TOKEN
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/");
    }
}
