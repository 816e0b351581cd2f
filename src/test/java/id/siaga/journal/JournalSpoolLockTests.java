package id.siaga.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes started with one spool file (two on one machine, from one folder) would write two chains into one file: the
 * second process is refused, naming the setting; once the first is gone ({@code kill -9} included) the spool is free.
 */
class JournalSpoolLockTests {

    @TempDir
    Path dir;

    /** Another process holding a spool, as a node does: opens it, says so, and waits to be killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            new JournalSpool(Path.of(args[0]));
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void aSpoolHeldByAnotherProcessIsRefusedUntilThatProcessIsGone() throws Exception {
        Path spool = dir.resolve("journal-spool.jsonl");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Holder.class.getName(), spool.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("holding");
            assertThatThrownBy(() -> new JournalSpool(spool)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another process").hasMessageContaining("siaga.journal.spool-file");
        } finally {
            other.destroyForcibly(); // kill -9
            other.waitFor(10, TimeUnit.SECONDS);
        }
        new JournalSpool(spool).append(java.util.List.of()); // free again
    }
}
