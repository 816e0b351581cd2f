package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.JournalStoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A database that cannot be reached is the client's cue to try again (503, Retry-After); a database that refuses what
 * the code asked is the server's bug (500). Neither answer carries the SQL or the driver's words.
 */
class ProblemDetailsAdviceTests {

    final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/incidents"));

    @Test
    void aDatabaseOutOfReachIs503WithRetryAfterWhereverItIsWrapped() {
        for (Exception e : new Exception[] {
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLTransientConnectionException("timeout")),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new JournalStoreUnavailableException("cannot read: Connection refused", null),
                new IllegalStateException("a listener failed", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))}) {
            ResponseEntity<ProblemDetail> answer = advice.unexpected(e, request);
            assertThat(answer.getStatusCode().value()).as(e.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().getDetail()).isEqualTo("the database is unavailable; try again shortly");
        }
    }

    @Test
    void aDatabaseThatRefusesTheQueryIsABugAnd500() {
        for (Exception e : new Exception[] {
                new BadSqlGrammarException("select", "SELECT nonsense FROM incident", new SQLException("column \"nonsense\" does not exist")),
                new DataIntegrityViolationException("duplicate key value violates unique constraint \"incident_pkey\"")}) {
            ResponseEntity<ProblemDetail> answer = advice.unexpected(e, request);
            assertThat(answer.getStatusCode().value()).as(e.toString()).isEqualTo(500);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
            assertThat(answer.getBody().getDetail()).isEqualTo("internal error; it has been logged");
        }
    }
}
