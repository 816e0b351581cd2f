package id.siaga.bench;

import java.nio.file.Path;

/**
 * Where the benchmarks read the Indonesian reference data: {@code -Dsiaga.national-data}, by default
 * {@code ../shared/data/indonesia} from the project root, read in place (never copied into the project).
 */
final class NationalDataDirectory implements AutoCloseable {

    private final Path path;

    private NationalDataDirectory(Path path) {
        this.path = path;
    }

    static NationalDataDirectory open() {
        return new NationalDataDirectory(Path.of(System.getProperty("siaga.national-data", "../shared/data/indonesia")).toAbsolutePath().normalize());
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
    }
}
