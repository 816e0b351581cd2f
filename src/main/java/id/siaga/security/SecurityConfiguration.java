package id.siaga.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Everything but health, the login page and the OpenAPI document needs a login. People log in with a form
 * (consoles) or HTTP Basic (scripts); integration clients send {@code X-Api-Key}. Requests that carry their
 * credentials in a header are not exposed to cross-site request forgery, so only cookie sessions need a
 * CSRF token. Unauthenticated API calls get 401 problem+json, never a redirect.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain siagaSecurity(HttpSecurity http, ApiKeys apiKeys) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/api/me", false))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(entryPoint, request -> !acceptsHtml(request))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), BasicAuthenticationFilter.class);
        return http.build();
    }

    private static boolean acceptsHtml(jakarta.servlet.http.HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/");
    }
}
