package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.siaga.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies read as the server reads them ({@link JsonBodies#mapper()}): a value of the wrong kind is refused instead of
 * guessed at, and the reason names the field, what it should hold and what came, never a Java type (Jackson's own
 * words were "Cannot deserialize value of type `id.siaga.incident.IncidentType` from String…").
 */
class JsonBodyErrorsTests {

    static final JsonMapper JSON = JsonBodies.mapper();

    record ApiKey(String name, Set<Role> roles) {
    }

    @Test
    void aWholeNumberIsWholeAndANumberIsNotText() {
        assertThat(reason("{\"type\":\"BRAWL\",\"priority\":1.5}")).isEqualTo("priority: 1.5 is not a whole number");
        assertThat(reason("{\"type\":\"BRAWL\",\"priority\":\"2\"}")).isEqualTo("priority: expected a whole number, got the text \"2\"");
        assertThat(reason("{\"type\":\"BRAWL\",\"priority\":true}")).isEqualTo("priority: expected a whole number, got true or false");
        assertThat(reason("{\"type\":\"BRAWL\",\"priority\":99999999999}")).startsWith("priority: the number is out of range for a whole number");
        assertThat(reason("{\"type\":\"BRAWL\",\"location\":{\"latitude\":\"-7.7\"}}")).isEqualTo("location.latitude: expected a number, got the text \"-7.7\"");
    }

    @Test
    void anEnumIsNamedNotNumbered() {
        assertThat(reason("{\"type\":\"FOO\"}")).startsWith("type: expected one of TRAFFIC_ACCIDENT, THEFT, ").endsWith(", got the text \"FOO\"");
        assertThat(reason("{\"type\":3}")).startsWith("type: 3 is not one of TRAFFIC_ACCIDENT, ");
        assertThat(reason("{\"name\":\"x\",\"roles\":[\"ADMIN\",\"KING\"]}", ApiKey.class)).startsWith("roles[1]: expected one of OPERATOR, ");
    }

    @Test
    void theShapeOfTheBodyIsSaidInJsonWords() {
        assertThat(reason("{\"type\":\"BRAWL\",\"location\":\"here\"}")).isEqualTo("location: expected an object, got text");
        assertThat(reason("[1]")).isEqualTo("the request body: expected an object, got a list");
        assertThat(reason("{\"type\":\"BRAWL\",\"description\":{}}")).isEqualTo("description: expected text, got an object");
        assertThat(reason("{x")).isEqualTo("the request body is not valid JSON: Unexpected character ('x' (code 120)): was expecting double-quote "
                + "to start property name (line 1, column 2)");
        assertThat(reason("{\"type\":")).startsWith("the request body is not valid JSON: Unexpected end-of-input").doesNotContain("Source");
    }

    @Test
    void textTheRuleRefusesIsNamedByItsField() {
        assertThat(reason("{\"type\":\"BRAWL\",\"description\":\"\\ud800\"}")).isEqualTo("description: contains a lone UTF-16 surrogate at character 1");
        assertThat(reason("{\"type\":\"BRAWL\",\"callerName\":\"a\\u0000b\"}")).isEqualTo("callerName: contains a NUL character at character 2");
        assertThat(reason("{\"type\":\"BRAWL\",\"location\":{\"latitude\":1,\"longitude\":2},\"address\":\"\\u001b[2J\"}"))
                .isEqualTo("address: contains the control character U+001B at character 1");
    }

    @Test
    void whatCameIsEchoedOnlyInPart() {
        String huge = "x".repeat(10_000);
        assertThat(reason("{\"type\":\"" + huge + "\"}")).endsWith("got the text \"" + "x".repeat(Problems.MAX_ECHO) + "…\"");
    }

    private static String reason(String body) {
        return reason(body, IncidentViews.NewIncidentRequest.class);
    }

    private static String reason(String body, Class<?> type) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, type));
        assertThat(e).as("refused: " + body).isNotNull();
        String reason = JsonBodyErrors.describe(e);
        assertThat(reason).doesNotContain("java.", "id.siaga", "Exception", "`", "tools.jackson", "SQL");
        return reason;
    }
}
