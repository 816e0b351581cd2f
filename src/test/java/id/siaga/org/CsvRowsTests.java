package id.siaga.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row knows its own line, whatever comment and blank lines stand around it: a complaint must point at the right line. */
class CsvRowsTests {

    @Test
    void aRowFollowedByCommentsAndBlankLinesKeepsItsOwnLine() {
        List<CsvRows.Row> rows = CsvRows.read(new StringReader("""
                # cells of the demo region
                id,name
                # first
                a,Alpha
                # second

                b,Beta
                c,Gamma"""), "x.csv", "id");

        assertThat(rows).extracting(CsvRows.Row::where).containsExactly("x.csv line 4", "x.csv line 7", "x.csv line 8");
    }
}
