package id.siaga.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local append-only file of values that could not reach the database yet: one JSON object per line,
 * forced to disk before the writer is told the value is safe. A torn last line (the process died
 * mid-write) is skipped with a warning; everything before it is read back.
 *
 * @param <T> a type Jackson writes and reads back unchanged (a record of plain values)
 */
public class JsonLinesSpool<T> {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesSpool.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Class<T> type;
    private final String name;

    /** @param name what the spool holds, for messages ("journal spool", "call record spool") */
    public JsonLinesSpool(Path file, Class<T> type, String name) {
        this.file = file;
        this.type = type;
        this.name = name;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + name + " " + file, e);
        }
        endTornLine();
    }

    /** A write cut short by a crash leaves a line without its newline: end it, so the next value starts a line of its own. */
    private void endTornLine() {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, ch.size() - 1);
                if (last.get(0) != '\n') {
                    log.warn("{} {} ends in a torn line (a crash mid-write); it will be skipped", name, file);
                    ch.write(ByteBuffer.wrap(new byte[] {'\n'}), ch.size());
                    ch.force(false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + name + " " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends the values and forces them to disk. */
    public void append(List<T> values) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            write(ch, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " " + file, e);
        }
    }

    public boolean isEmpty() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete value in the spool, in the order written. */
    public List<T> readAll() {
        List<T> out = new ArrayList<>();
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
                    out.add(JSON.readValue(line, type));
                } catch (JacksonException e) {
                    log.warn("{} {} line {} is incomplete and is skipped: {}", name, file, n, e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " " + file, e);
        }
        return out;
    }

    /** Empties the spool once its values are safely in the database. */
    public void clear() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(0);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + name + " " + file, e);
        }
    }

    /**
     * Drops the first {@code count} values (those now safely stored) and keeps the rest, in one atomic
     * replacement of the file: a crash leaves either the old spool or the new one, never half of each.
     */
    public void dropFirst(int count) {
        List<T> rest = readAll();
        rest = rest.subList(Math.min(count, rest.size()), rest.size());
        if (rest.isEmpty()) {
            clear();
            return;
        }
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel ch = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            write(ch, rest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " " + next, e);
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + name + " " + file, e);
        }
    }

    private static <T> void write(FileChannel ch, List<T> values) throws IOException {
        StringBuilder sb = new StringBuilder(values.size() * 256);
        for (T v : values) {
            sb.append(JSON.writeValueAsString(v)).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        ch.force(false);
    }
}
