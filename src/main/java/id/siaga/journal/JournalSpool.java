package id.siaga.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local append-only file of chained entries that could not reach the database: one JSON object per
 * line, forced to disk before the appender is told the entry is safe. A torn last line (the process
 * died mid-write) is skipped with a warning; everything before it is replayed.
 */
public final class JournalSpool {

    private static final Logger log = LoggerFactory.getLogger(JournalSpool.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public JournalSpool(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create journal spool directory for " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends the entries and forces them to disk. */
    public void append(List<JournalEntry> entries) {
        StringBuilder sb = new StringBuilder(entries.size() * 256);
        for (JournalEntry e : entries) {
            sb.append(JSON.writeValueAsString(e)).append('\n');
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal spool " + file, e);
        }
    }

    public boolean isEmpty() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete entry in the spool, in the order written. */
    public List<JournalEntry> readAll() {
        List<JournalEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(line, JournalEntry.class));
                } catch (JacksonException e) {
                    log.warn("journal spool {} line {} is incomplete and is skipped: {}", file, n, e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal spool " + file, e);
        }
        return out;
    }

    /** Empties the spool once its entries are safely in the database. */
    public void clear() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(0);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear journal spool " + file, e);
        }
    }
}
