package id.siaga.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page ({@code /error}), where the servlet container sends errors raised outside MVC's handlers (a filter's
 * {@code sendError}, an exception out of a filter): problem+json like every other answer, in place of Spring Boot's
 * JSON or HTML page. The reason is the status's own; what went wrong is in the log, not in the answer.
 */
@RestController
class ProblemErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = status < 500 && message instanceof String m && !m.isBlank() ? m : Problems.reason(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(ProblemBodies.instance(uri instanceof String u ? u : request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
