package id.siaga.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The journal's spool: chained entries that could not reach the database, replayed in order and exactly
 * once by sequence when it returns (see {@link Journal}). One process at a time: the spool holds one node's chain, and
 * two nodes of a cluster started with the same {@code siaga.journal.spool-file} (two on one machine, from one folder)
 * would interleave two chains in one file. The second is refused at start; the lock ({@code <file>.lock}) goes with the
 * process, also after a {@code kill -9}.
 */
public final class JournalSpool extends JsonLinesSpool<JournalEntry> {

    public JournalSpool(Path file) {
        // locked before the spool is opened: opening it may end a torn line, which must never touch a live node's file
        super(lockAgainstOtherProcesses(file), JournalEntry.class, "journal spool");
    }

    @SuppressWarnings("resource") // held open for the life of the process: closing the channel would release the lock
    private static Path lockAgainstOtherProcesses(Path file) {
        Path lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
        try {
            java.nio.file.Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                return file; // this process holds it already (a journal opened again on the same spool)
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the journal spool " + file + " is in use by another process: each node of a cluster needs "
                        + "its own siaga.journal.spool-file");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the journal spool " + lockFile, e);
        }
    }
}
