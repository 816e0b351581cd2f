package id.siaga.web;

import id.siaga.dispatch.DispatchConflictException;
import id.siaga.incident.IncidentConflictException;
import id.siaga.journal.JournalStoreUnavailableException;
import id.siaga.org.InvalidStationDataException;
import id.siaga.security.OutOfScopeException;
import id.siaga.telephony.CallbackTaskConflictException;
import java.util.Collection;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json with a reason a person can act on; never a stack trace, a Java type or SQL
 * ({@link ProblemBodies} holds every answer to that, and to how much of the request it may echo). Spring's own
 * exceptions (missing or mistyped parameters, unreadable JSON, validation) are handled by the base class, the ones
 * whose stock wording names Java types here. A database that cannot be reached is 503 with {@code Retry-After}: the
 * client is right to try again; a database that refuses what the code asked is a bug, 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /**
     * Seconds a client waits before trying again while the database is away: a request already waited Hikari's 3 s for
     * a connection, and a failover or a restarted database takes seconds, not minutes.
     */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;
    static final String DATABASE_UNAVAILABLE = "the database is unavailable; try again shortly";

    @ExceptionHandler({IllegalArgumentException.class, InvalidStationDataException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(OutOfScopeException.class)
    ProblemDetail outOfScope(OutOfScopeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /**
     * The request was sound but the thing it acts on has moved on: a call-back task already claimed or closed, an
     * incident whose status does not allow the move or that somebody else changed at the same moment, a unit that
     * is no longer available or an assignment that has ended; an account change the rules refuse (a taken username, the
     * last administrator, one's own account).
     */
    @ExceptionHandler({CallbackTaskConflictException.class, IncidentConflictException.class, DispatchConflictException.class,
            id.siaga.screening.Screening.AlreadyClassifiedException.class, ScreeningController.SilentPromptRefusedException.class,
            id.siaga.org.PositionConflictException.class, id.siaga.org.ShiftConflictException.class,
            id.siaga.security.AccountConflictException.class, id.siaga.integration.text.TextConflictException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A station asked to go LIVE with its checklist unmet: 409, each unmet item under {@code unmet}, the whole list under {@code checklist}. */
    @ExceptionHandler(id.siaga.org.GoLiveRefusedException.class)
    ProblemDetail goLiveRefused(id.siaga.org.GoLiveRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("unmet", e.checklist().unmet().stream().map(c -> c.item().name()).toList());
        problem.setProperty("checklist", e.checklist().checks());
        return problem;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    /** Unreadable JSON: the field, what it should hold and what came; or 413 when the body was cut off for being too large. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(tooLarge(tooLarge));
            }
        }
        String reason = e.getMostSpecificCause() instanceof JacksonException j ? JsonBodyErrors.describe(j)
                : "the request body is missing or is not valid JSON";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "unreadable request body: " + reason);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A query parameter or path segment that is not what the endpoint takes: its name, what it should hold and what
     * came, instead of Spring's "Failed to convert value of type 'java.lang.String' to required type …".
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : "parameter " + Problems.echo(e.getPropertyName());
        String got = e.getValue() == null ? "" : ", got \"" + Problems.echo(String.valueOf(e.getValue())) + "\"";
        Class<?> type = e.getRequiredType();
        String expected = JsonBodyErrors.expected(type);
        if (e instanceof MethodArgumentTypeMismatchException m && type != null && Collection.class.isAssignableFrom(type)) {
            // a list parameter (?status=NEW,CLOSED): say what each element is
            expected = JsonBodyErrors.expected(m.getParameter().nested().getNestedParameterType()) + " (one or more, comma-separated)";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + ": expected " + expected + got);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** An answer that could not be written is the server's fault: logged, and said as 500 without the writer's words. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        log.error("could not write the answer to {}", request.getDescription(false), e);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, Problems.reason(500)));
    }

    /** A body that fails validation: name each field and what is wrong with it, not just "invalid request content". */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String reasons = e.getBindingResult().getFieldErrors().stream().map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted().collect(Collectors.joining("; "));
        if (!reasons.isEmpty()) {
            e.getBody().setDetail("invalid request body: " + reasons);
        }
        return super.handleMethodArgumentNotValid(e, headers, status, request);
    }

    @ExceptionHandler(id.siaga.telephony.CallLoopBusyException.class)
    ResponseEntity<ProblemDetail> busy(id.siaga.telephony.CallLoopBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    /**
     * The database (or the journal's) cannot be reached: no connection within the pool's timeout, a connection lost,
     * the server shutting down. 503 with {@code Retry-After}; the cause is logged, never sent. A database error that is
     * not about reaching it (bad SQL, a broken constraint) falls through to {@link #unexpected} and is a 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class, RecoverableDataAccessException.class,
            CannotCreateTransactionException.class, JournalStoreUnavailableException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e, WebRequest request) {
        log.warn("database unavailable serving {}: {}", request.getDescription(false), e.toString());
        return unavailable();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        Throwable cause = databaseUnreachableCause(e);
        if (cause != null) {
            log.warn("database unavailable serving {}: {}", request.getDescription(false), cause.toString());
            return unavailable();
        }
        log.error("unexpected error serving {}", request.getDescription(false), e);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, Problems.reason(500)));
    }

    static ResponseEntity<ProblemDetail> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE));
    }

    /** The "cannot reach the database" exception wrapped somewhere in {@code e}'s causes (a listener, a future), if any. */
    static Throwable databaseUnreachableCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof JournalStoreUnavailableException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
