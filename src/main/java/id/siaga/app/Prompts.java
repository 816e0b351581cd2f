package id.siaga.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The announcements as files rtpengine can play: it reads a prompt by path on its own host, so the WAV files shipped in
 * the jar ({@code media/prompts/}, made by {@code scripts/prompts}) are copied out at start.
 */
final class Prompts {

    /** The prompts the call path plays, by name ({@code NAME.wav}). */
    static final List<String> NAMES = List.of("menunggu", "gerbang", "senyap");

    private Prompts() {
    }

    /** Copies the prompts into {@code dir} (a new temporary directory when blank) and returns it. */
    static Path extract(String dir) throws IOException {
        Path target = dir == null || dir.isBlank() ? Files.createTempDirectory("siaga110-prompts-") : Files.createDirectories(Path.of(dir));
        // rtpengine may run as another user: it must be able to read them
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : NAMES) {
            String resource = "media/prompts/" + name + ".wav";
            try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the announcement " + resource + " is missing from the build");
                }
                Path file = target.resolve(name + ".wav");
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        return target;
    }
}
