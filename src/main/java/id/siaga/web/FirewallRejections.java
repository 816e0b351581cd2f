package id.siaga.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses before anything else runs ({@code %2e%2e}, an encoded slash or
 * percent, {@code ;} in the path, a header it does not take) gets 400 problem+json with the firewall's reason, like
 * every other refusal, instead of the stock error page. Spring Security uses the one bean of this type on its own.
 */
@Component
class FirewallRejections implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        log.debug("firewall refused {} {}: {}", request.getMethod(), Problems.instance(request.getRequestURI()), rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, rejected.getMessage());
    }
}
