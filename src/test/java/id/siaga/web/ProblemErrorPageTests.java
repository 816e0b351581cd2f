package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The error page the container forwards to: the status it was given, a reason, the failed request's path, no internals. */
class ProblemErrorPageTests {

    final ProblemErrorPage page = new ProblemErrorPage();

    @Test
    void aRefusalKeepsItsStatusAndReasonAndAFailureSaysOnlyThatItWasLogged() {
        ResponseEntity<ProblemDetail> refused = page.error(forwarded(400, "The request was rejected because the URL was not normalized.",
                "/api/incidents/" + "x".repeat(500)));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().getDetail()).isEqualTo("The request was rejected because the URL was not normalized.");
        assertThat(refused.getBody().getInstance().toString()).hasSizeLessThanOrEqualTo(2 * Problems.MAX_ECHO + 1).startsWith("/api/incidents/x");

        ResponseEntity<ProblemDetail> failed = page.error(forwarded(500, "java.lang.NullPointerException: Cannot invoke \"id.siaga.X.y()\"",
                "/api/incidents"));
        assertThat(failed.getStatusCode().value()).isEqualTo(500);
        assertThat(failed.getBody().getDetail()).isEqualTo("internal error; it has been logged");

        ResponseEntity<ProblemDetail> direct = page.error(new MockHttpServletRequest("GET", "/error"));
        assertThat(direct.getStatusCode().value()).as("/error asked for directly").isEqualTo(500);
    }

    private static MockHttpServletRequest forwarded(int status, String message, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
