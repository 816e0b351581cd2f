package id.siaga.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator answers an unknown metric or health group with a bare 404, no body at all; this gives such an answer
 * the problem+json every other error has. Only under {@code /actuator/}: the API's own errors are written by MVC, and
 * the live streams must not be held back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class EmptyErrorBodies extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Watched watched = new Watched(response);
        chain.doFilter(request, watched);
        if (watched.getStatus() >= 400 && !watched.bodyStarted && !response.isCommitted()) {
            response.resetBuffer();
            Problems.write(request, response, watched.getStatus(), Problems.reason(watched.getStatus()));
        }
    }

    /** Notes whether a body was begun, and holds back the flush of an error that has none (so one can still be written). */
    private static final class Watched extends HttpServletResponseWrapper {
        boolean bodyStarted;

        Watched(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (bodyStarted || getStatus() < 400) {
                super.flushBuffer();
            }
        }
    }
}
