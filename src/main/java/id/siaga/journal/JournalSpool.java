package id.siaga.journal;

import java.nio.file.Path;

/**
 * The journal's spool: chained entries that could not reach the database, replayed in order and exactly
 * once by sequence when it returns (see {@link Journal}).
 */
public final class JournalSpool extends JsonLinesSpool<JournalEntry> {

    public JournalSpool(Path file) {
        super(file, JournalEntry.class, "journal spool");
    }
}
