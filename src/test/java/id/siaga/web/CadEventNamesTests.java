package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.dispatch.DispatchEvent;
import id.siaga.incident.IncidentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The consoles follow the CAD stream by event name ({@code static/js/cad.js}); the stream names each event by its record, as
 * the journal does. Every incident and dispatch record is in the consoles' lists under its own name, and nothing else is.
 */
class CadEventNamesTests {

    @Test
    void theConsolesListEveryIncidentAndDispatchEventByItsRecordsName() throws IOException {
        String cadJs = consoleModule("/static/js/cad.js");

        assertThat(names(cadJs, "INCIDENT_EVENTS")).containsExactlyInAnyOrderElementsOf(recordNames(IncidentEvent.class));
        assertThat(names(cadJs, "UNIT_EVENTS")).containsExactlyInAnyOrderElementsOf(recordNames(DispatchEvent.class));
        assertThat(Stream.concat(recordNames(IncidentEvent.class).stream(), recordNames(DispatchEvent.class).stream()))
                .as("one convention with the call events (CallEscalated, LegRang …): PascalCase, no dots")
                .allMatch(n -> n.matches("[A-Z][A-Za-z]+"));
    }

    /** The simple names of the records that implement a sealed event interface, through any sealed sub-interface. */
    static List<String> recordNames(Class<?> sealed) {
        List<String> names = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isRecord()) {
                names.add(c.getSimpleName());
            } else {
                names.addAll(recordNames(c));
            }
        }
        return names;
    }

    private static List<String> names(String js, String constant) {
        Matcher list = Pattern.compile("export const " + constant + " = \\[([^\\]]*)\\]").matcher(js);
        assertThat(list.find()).as(constant + " in cad.js").isTrue();
        Matcher quoted = Pattern.compile("'([^']+)'").matcher(list.group(1));
        List<String> names = new ArrayList<>();
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    private static String consoleModule(String path) throws IOException {
        try (InputStream in = CadEventNamesTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
