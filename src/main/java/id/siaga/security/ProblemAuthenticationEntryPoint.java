package id.siaga.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as RFC 9457 problem+json, with a Basic challenge so command-line clients know what to send. */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Siaga 110\"");
        ProblemJson.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                e.getMessage() == null ? "authentication required" : e.getMessage());
    }
}
