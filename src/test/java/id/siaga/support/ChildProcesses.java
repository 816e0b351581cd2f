package id.siaga.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What every peer the tests start as a child process (a broker, rtpengine, the server) needs done the same way. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * Ends a process: SIGTERM ({@code forcibly} false: it may close what it holds) or {@code kill -9}, then waits up to
     * {@code grace} for it to go, and kills it if it has not. Nothing when it is not running.
     */
    static void end(Process process, boolean forcibly, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code chars} characters of a log file, or why there is none. */
    static String tail(Path log, int chars) {
        try {
            String out = Files.readString(log);
            return out.length() > chars ? out.substring(out.length() - chars) : out;
        } catch (IOException e) {
            return "(no log " + log.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    /** Removes a temporary folder and everything in it; one left behind is no failure. */
    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
