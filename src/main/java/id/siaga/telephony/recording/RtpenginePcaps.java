package id.siaga.telephony.recording;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtpengine's pcaps as it lays them out under its own {@code --recording-dir} (docs/MEDIA.md, Recording):
 * {@code DIR/pcaps/X.pcap}, written through a buffer while the call lasts, and its metadata
 * {@code DIR/tmp/rtpengine-meta-X.tmp}, moved to {@code DIR/metadata/rtpengine-meta-X.txt} once the call is torn
 * down and the pcap closed. Siaga 110 learns each pcap's path from rtpengine's offer reply, never from a setting: the
 * directories it sweeps are those the pcaps it was handed lie in.
 */
final class RtpenginePcaps {

    private static final Logger log = LoggerFactory.getLogger(RtpenginePcaps.class);
    private static final String SUFFIX = ".pcap";

    /** The directories pcaps were seen in (one per rtpengine, in practice): what the retention sweep looks through. */
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();

    /** Notes the directory a pcap lies in, for the retention sweep. */
    void seen(Path pcap) {
        Path dir = pcap.toAbsolutePath().normalize().getParent();
        if (dir != null) {
            directories.add(dir);
        }
    }

    /**
     * Whether rtpengine is done with the pcap: its metadata file has moved to {@code metadata/}. A pcap outside that
     * layout is taken as it is; one that is not there (rtpengine creates it with the call) has nothing to wait for.
     */
    static boolean closed(Path pcap) {
        if (!Files.exists(pcap)) {
            return true;
        }
        Path metadata = metadataDirectory(pcap);
        if (metadata == null || !Files.isDirectory(metadata)) {
            return true;
        }
        return Files.exists(metadataOf(pcap, metadata));
    }

    /**
     * Deletes a pcap whose WAV is kept and journalled, and its metadata file (nothing reads it without the pcap). Logged
     * at debug; a pcap that cannot be deleted stays until the retention sweep.
     */
    static void deleteConverted(Path pcap) {
        try {
            Files.deleteIfExists(pcap);
            Path metadata = metadataDirectory(pcap);
            if (metadata != null) {
                Files.deleteIfExists(metadataOf(pcap, metadata));
            }
            log.debug("rtpengine's pcap {} deleted: its recording is kept and journalled", pcap);
        } catch (IOException e) {
            log.warn("rtpengine's pcap {} could not be deleted ({}); the retention sweep removes it", pcap, e.toString());
        }
    }

    /**
     * Deletes the pcaps left in the known directories (their conversion failed, or they were never handed over) whose
     * file was last written before {@code cutoff}, and their metadata. Returns how many.
     */
    int sweepOlderThan(Instant cutoff) {
        int deleted = 0;
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> pcaps = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path pcap : pcaps) {
                    try {
                        if (Files.isRegularFile(pcap) && Files.getLastModifiedTime(pcap).toInstant().isBefore(cutoff)) {
                            Files.deleteIfExists(pcap);
                            Path metadata = metadataDirectory(pcap);
                            if (metadata != null) {
                                Files.deleteIfExists(metadataOf(pcap, metadata));
                            }
                            deleted++;
                            log.info("rtpengine's pcap {}, kept since before {}, expired", pcap, cutoff);
                        }
                    } catch (IOException e) {
                        log.warn("rtpengine's pcap {} not expired yet: {}", pcap, e.toString());
                    }
                }
            } catch (IOException e) {
                log.warn("rtpengine's pcaps in {} could not be swept: {}", dir, e.toString());
            }
        }
        return deleted;
    }

    private static Path metadataDirectory(Path pcap) {
        Path pcaps = pcap.toAbsolutePath().getParent();
        return pcaps == null || pcaps.getParent() == null ? null : pcaps.getParent().resolve("metadata");
    }

    private static Path metadataOf(Path pcap, Path metadataDirectory) {
        String name = pcap.getFileName().toString();
        String stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        return metadataDirectory.resolve("rtpengine-meta-" + stem + ".txt");
    }
}
