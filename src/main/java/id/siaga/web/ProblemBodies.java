package id.siaga.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The last look at every problem answer MVC writes, whichever handler made it (ours, Spring's stock ones, the error
 * page): its detail passes {@link Problems#safeDetail} (bounded echo, no Java types, exceptions or SQL; a detail that
 * named them is logged and replaced) and its {@code instance} is the path, cut like any echoed value.
 */
@ControllerAdvice
class ProblemBodies implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(ProblemBodies.class);

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String detail = problem.getDetail();
            if (detail != null && Problems.leaksInternals(detail)) {
                log.warn("an answer {} to {} named the server's insides; sent the plain reason instead of: {}", problem.getStatus(),
                        request.getURI().getRawPath(), detail);
            }
            problem.setDetail(Problems.safeDetail(problem.getStatus(), detail));
            String path = problem.getInstance() == null ? request.getURI().getRawPath() : problem.getInstance().getRawPath();
            problem.setInstance(instance(path));
        }
        return body;
    }

    /** The raw path, cut as {@link Problems#instance} cuts it, without a percent-escape split by the cut. */
    static URI instance(String rawPath) {
        String cut = Problems.instance(rawPath);
        if (cut.endsWith("…")) {
            cut = cut.substring(0, cut.length() - 1).replaceAll("%[0-9A-Fa-f]?$", "") + "…";
        }
        try {
            return URI.create(cut);
        } catch (IllegalArgumentException notAPath) {
            return URI.create("/");
        }
    }
}
