package id.siaga.telephony.recording;

import id.siaga.telephony.CallId;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The recordings directory: one WAV per call under {@code yyyy/MM/dd/} (UTC, the day it was kept), so no directory
 * grows past a day's calls. A WAV is written under {@code .incoming/}, forced to disk, then moved into place in one
 * step (same file system): a reader never sees half a recording, and a crash leaves only a file in {@code .incoming},
 * which {@link #clearIncoming} removes at the next start.
 */
final class RecordingFiles {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Path incoming;

    RecordingFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
    }

    Path root() {
        return root;
    }

    /** The file of a call's recording relative to the root, {@code /}-separated: {@code 2026/12/03/<call>.wav}. */
    static String fileOf(CallId call, Instant keptAt) {
        String name = PLAIN.matcher(call.value()).matches() ? call.value()
                : "call-" + HexFormat.of().formatHex(sha256().digest(call.value().getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        return DAY.format(keptAt) + "/" + name + ".wav";
    }

    Path resolve(String file) {
        Path p = root.resolve(file).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("a recording's file must lie under " + root + ": " + file);
        }
        return p;
    }

    /** Removes what a crash left half-written. */
    void clearIncoming() throws IOException {
        if (Files.isDirectory(incoming)) {
            try (var leftovers = Files.list(incoming)) {
                for (Path p : (Iterable<Path>) leftovers::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** What {@link #write} wrote: its SHA-256 (hex) and length, and whatever the writer returned. */
    record Written<T>(String sha256, long bytes, T result) {
    }

    /** Writes one file: the bytes the writer puts out, forced to disk, then moved to {@code file} in one step. */
    interface Writer<T, E extends Exception> {
        T write(OutputStream out) throws IOException, E;
    }

    <T, E extends Exception> Written<T> write(String file, Writer<T, E> writer) throws IOException, E {
        Path target = resolve(file);
        Files.createDirectories(incoming);
        Files.createDirectories(target.getParent());
        Path part = incoming.resolve(target.getFileName() + ".part");
        MessageDigest digest = sha256();
        T result;
        long bytes;
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024), digest);
                result = writer.write(out);
                out.flush();
                channel.force(true);
                bytes = channel.size();
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        forceDirectory(target.getParent());
        return new Written<>(HexFormat.of().formatHex(digest.digest()), bytes, result);
    }

    /** Deletes a recording's file and the day, month and year directories it leaves empty; false if it was not there. */
    boolean delete(String file) throws IOException {
        Path target = resolve(file);
        boolean deleted = Files.deleteIfExists(target);
        for (Path dir = target.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
        return deleted;
    }

    /** Makes the move durable: the directory entry itself is forced to disk (where the platform allows it). */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a directory be opened; the file itself is on disk
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
