package id.siaga.app;

import id.siaga.web.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for what it refuses before the application sees it (a NUL, {@code %2F} or bytes that are not
 * UTF-8 in the path, a request line or headers too long, a malformed request line): problem+json with the status's plain
 * reason, like every other answer of the server, instead of Tomcat's HTML page. Errors the application raised are
 * answered by the application; this writes only when nothing else has.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = request.getCoyoteRequest().requestURI().toString();
        try {
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(status, reason(response, throwable), path));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the answer is already on its way: nothing more to say
        }
    }

    /**
     * Tomcat's own words for a refusal it made ("Invalid URI", "Request header is too large"), first line only, as
     * {@link Problems#json} bounds and screens every detail; the status's reason when it said nothing.
     */
    private static String reason(Response response, Throwable throwable) {
        String message = response.getMessage();
        if ((message == null || message.isBlank()) && throwable != null && throwable.getMessage() != null) {
            message = throwable.getMessage();
        }
        if (message == null || message.isBlank()) {
            return Problems.reason(response.getStatus());
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
