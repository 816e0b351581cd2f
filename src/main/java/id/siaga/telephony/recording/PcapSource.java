package id.siaga.telephony.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a pcap file, read at any position: the converter reads the file once in order and then reads the
 * audio of each packet again in the order it plays, so a long call never has to be held in memory.
 */
interface PcapSource {

    /** The file's length in bytes. */
    long size() throws IOException;

    /** Reads up to {@code length} bytes at {@code position}; fewer only at the end of the file. Returns how many. */
    int read(long position, byte[] into, int offset, int length) throws IOException;

    /** Bytes held in memory (a fuzzer's input, a test's). */
    static PcapSource of(byte[] bytes) {
        return new PcapSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public int read(long position, byte[] into, int offset, int length) {
                if (position >= bytes.length) {
                    return 0;
                }
                int n = (int) Math.min(length, bytes.length - position);
                System.arraycopy(bytes, (int) position, into, offset, n);
                return n;
            }
        };
    }

    /** An open file, read through a 64 KB window: the packets are small and read nearly in file order both times. */
    static PcapSource of(FileChannel file) {
        return new PcapSource() {
            private final ByteBuffer window = ByteBuffer.allocate(64 * 1024);
            private long windowStart = -1;
            private int windowLength;

            @Override
            public long size() throws IOException {
                return file.size();
            }

            @Override
            public int read(long position, byte[] into, int offset, int length) throws IOException {
                int done = 0;
                while (done < length) {
                    long at = position + done;
                    if (windowStart < 0 || at < windowStart || at >= windowStart + windowLength) {
                        window.clear();
                        int n = file.read(window, at);
                        if (n <= 0) {
                            break;
                        }
                        windowStart = at;
                        windowLength = n;
                    }
                    int from = (int) (at - windowStart);
                    int n = Math.min(length - done, windowLength - from);
                    System.arraycopy(window.array(), from, into, offset + done, n);
                    done += n;
                }
                return done;
            }
        };
    }
}
