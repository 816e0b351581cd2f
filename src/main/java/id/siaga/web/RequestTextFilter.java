package id.siaga.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link TextRule} for the text that does not come in a JSON body: the decoded path (so every path variable) and every
 * query parameter and form field, names and values, before the login, the firewall or a controller sees them. A refused
 * request gets 400 problem+json naming the parameter. Parameters that are not valid percent-encoded UTF-8 are a 400 too
 * (Tomcat would throw on the first read). The one exception is the ELS/AML door ({@code POST /api/aml}), which answers 200
 * to everything by its specification and drops such a message itself, journalled (see {@link AmlController}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refused = problem(request);
        if (refused.isPresent()) {
            Problems.write(request, response, 400, refused.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request's path or parameters are refused; empty when they are acceptable. */
    static Optional<String> problem(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<String> inPath = TextRule.problem(path);
        if (inPath.isPresent()) {
            return Optional.of("path: " + inPath.get());
        }
        if (isAmlDoor(request)) {
            return Optional.empty();
        }
        return parameterProblem(request);
    }

    /** {@link TextRule} over every parameter (query and form), or why they cannot be read at all. */
    static Optional<String> parameterProblem(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            // Tomcat: bad percent-encoding, bytes that are not UTF-8, or more parameters than it takes
            return Optional.of("the request's parameters cannot be read: they must be percent-encoded UTF-8, and not too many");
        }
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            Optional<String> inName = TextRule.problem(p.getKey());
            if (inName.isPresent()) {
                return Optional.of("a parameter name " + inName.get());
            }
            for (String value : p.getValue()) {
                Optional<String> inValue = TextRule.problem(value);
                if (inValue.isPresent()) {
                    return Optional.of("parameter " + Problems.echo(p.getKey()) + ": " + inValue.get());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAmlDoor(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/aml".equals(request.getServletPath());
    }
}
