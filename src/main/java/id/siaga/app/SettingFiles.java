package id.siaga.app;

import id.siaga.org.InvalidStationDataException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Where every file a setting names is found: {@code classpath:demo/units.csv} (the files inside the jar),
 * {@code file:/etc/siaga/units.csv} or any other URL, and a plain path, absolute or relative to the working directory
 * ({@code /etc/siaga/units.csv}, {@code data/units.csv}, {@code D:/siaga/units.csv}). A file that cannot be found or
 * read fails start-up with a message naming the setting, its value and where it looked.
 */
final class SettingFiles {

    /** A URL's scheme: two letters at least, so that a Windows drive ({@code C:}) is a path. */
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    /** How a parser reads one file; {@code source} names it in its messages. */
    interface Parser<T> {
        T parse(Reader reader, String source);
    }

    private SettingFiles() {
    }

    /** The file the setting names, which may not exist. */
    static Resource resolve(ResourceLoader resources, String location) {
        String l = location.strip();
        return URL.matcher(l).matches() ? resources.getResource(l) : new FileSystemResource(Path.of(l).toAbsolutePath().normalize());
    }

    /** Whether the file the setting names exists. */
    static boolean exists(ResourceLoader resources, String location) {
        return resolve(resources, location).exists();
    }

    /**
     * Parses the file {@code setting} names.
     *
     * @throws InvalidStationDataException naming the setting, its value and where it looked, when the file is missing or
     *                                     unreadable; and whatever the parser throws about its content
     */
    static <T> T read(ResourceLoader resources, String setting, String location, Parser<T> parser) {
        Resource resource = resolve(resources, location);
        if (!resource.exists()) {
            throw new InvalidStationDataException(setting + "=" + location + ": file not found (looked for " + where(resource)
                    + "; a setting takes a path, file:PATH or classpath:PATH)");
        }
        try (Reader r = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return parser.parse(r, location);
        } catch (IOException e) {
            throw new InvalidStationDataException(setting + "=" + location + ": cannot read " + where(resource) + ": " + e.getMessage(), e);
        }
    }

    private static String where(Resource resource) {
        if (resource instanceof FileSystemResource file) {
            return "the file " + file.getFile().getAbsolutePath();
        }
        return resource.getDescription();
    }
}
