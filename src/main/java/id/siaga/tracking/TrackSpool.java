package id.siaga.tracking;

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
 * Track history's local spool: fixes the database could not take, one JSON object per line, forced to disk before
 * their senders are answered. While the spool is <em>active</em> (the database refused a batch, or a spool from before
 * a restart is not replayed yet) every batch goes here; the {@link TrackWriter}'s replay reads it from the front into
 * the database and, once it has caught up with the end, empties the file and ends the spooling.
 *
 * <p>Bounded by {@code maxBytes}: past it, or when the disk refuses, {@link #appendIfActive} and {@link #activate}
 * throw {@link Refused} and nothing is acknowledged, so the sender keeps the fixes and resends them. A crash mid-append
 * leaves a torn last line whose fixes were never acknowledged: it is cut off when the spool is opened. Lines may reach
 * the database more than once (a crash between the database's commit and the emptying of the file): the store keeps
 * one row per fix ({@link TrackStore#append}), so a replay never doubles history.
 */
final class TrackSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackSpool.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int READ_BYTES = 1 << 20;

    /** The spool cannot take the fixes (full, or the disk refused): they are not kept. */
    static final class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Fixes read back, and the offset just after the last line read. */
    record Chunk(List<Position> fixes, long next) {
    }

    private final Path file;
    private final long maxBytes;
    private final FileChannel channel;
    /** Bytes of complete lines; appends go here. Guarded by {@code this}. */
    private long size;
    /** Batches go to the spool, not the database. Guarded by {@code this}. */
    private boolean active;

    TrackSpool(Path file, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the track spool's size limit must be positive");
        }
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(this.file.getParent());
            this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.size = cutTornTail(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the track history spool " + this.file, e);
        }
        this.active = size > 0;
    }

    /** The length up to the last complete line; a torn tail (a crash mid-append, never acknowledged) is cut off. */
    private long cutTornTail(FileChannel ch) throws IOException {
        long length = ch.size();
        long end = length;
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        search:
        while (end > 0) {
            long from = Math.max(0, end - block.capacity());
            block.clear();
            block.limit((int) (end - from));
            while (block.hasRemaining() && ch.read(block, from + block.position()) >= 0) {
                // fill the block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    end = from + i + 1;
                    break search;
                }
            }
            end = from;
        }
        if (end < length) {
            log.warn("track history spool {} ends in {} bytes of a write cut short by a crash (never acknowledged); cut off", file, length - end);
            ch.truncate(end);
            ch.force(true);
        }
        return end;
    }

    Path file() {
        return file;
    }

    synchronized boolean active() {
        return active;
    }

    /** Bytes waiting (complete lines). */
    synchronized long size() {
        return size;
    }

    /** Appends the fixes and forces them to disk when the spool is active; false (nothing written) when it is not. */
    synchronized boolean appendIfActive(List<Position> fixes) {
        if (!active) {
            return false;
        }
        write(fixes);
        return true;
    }

    /** Starts spooling (the database refused) with these fixes, forced to disk. */
    synchronized void activate(List<Position> fixes) {
        active = true;
        write(fixes);
    }

    /**
     * Empties the spool and ends spooling when nothing was appended beyond {@code upTo} (everything up to it is in the
     * database); false when more came meanwhile.
     */
    synchronized boolean finishIfAt(long upTo) {
        if (size != upTo) {
            return false;
        }
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the track history spool " + file, e);
        }
        size = 0;
        active = false;
        return true;
    }

    private void write(List<Position> fixes) {
        StringBuilder lines = new StringBuilder(fixes.size() * 300);
        for (Position p : fixes) {
            lines.append(JSON.writeValueAsString(p)).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (size + bytes.length > maxBytes) {
            throw new Refused("track history spool " + file + " is full (" + size + " of " + maxBytes + " bytes)", null);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            while (buf.hasRemaining()) {
                channel.write(buf, size + buf.position());
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(size); // a part written before the disk refused must not become a torn line in the middle
            } catch (IOException ignored) {
                // the next open cuts a torn tail; a later append overwrites from size
            }
            throw new Refused("track history spool " + file + " cannot be written: " + e.getMessage(), e);
        }
        size += bytes.length;
    }

    /**
     * Up to {@code max} fixes from the line starting at {@code from}, reading no further than {@code to} (an offset
     * {@link #size()} gave, so the lines up to it are complete). A line that cannot be read (a disk's garbage after a
     * power loss) is skipped with a warning.
     */
    Chunk read(long from, long to, int max) {
        List<Position> out = new ArrayList<>(Math.min(max, 4096));
        long pos = from;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(READ_BYTES, Math.max(1, to - from)));
        try {
            while (pos < to && out.size() < max) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), to - pos));
                while (buf.hasRemaining()) {
                    if (channel.read(buf, pos + buf.position()) < 0) {
                        break;
                    }
                }
                byte[] bytes = buf.array();
                int length = buf.position();
                if (length == 0) {
                    break; // the file is shorter than it was: emptied meanwhile
                }
                int start = 0;
                for (int i = 0; i < length && out.size() < max; i++) {
                    if (bytes[i] == '\n') {
                        parse(bytes, start, i - start, pos + start, out);
                        start = i + 1;
                    }
                }
                if (start == 0) { // no line end in a whole buffer: not a line this spool wrote
                    log.warn("track history spool {}: {} bytes without a line end at offset {} skipped", file, length, pos);
                    start = length;
                }
                pos += start;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the track history spool " + file, e);
        }
        return new Chunk(out, pos);
    }

    private void parse(byte[] bytes, int start, int length, long offset, List<Position> out) {
        if (length == 0) {
            return;
        }
        try {
            out.add(JSON.readValue(bytes, start, length, Position.class));
        } catch (JacksonException e) {
            log.warn("track history spool {}: the line at offset {} cannot be read and is skipped: {}", file, offset, e.getOriginalMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing the track history spool: {}", e.getMessage());
        }
    }
}
