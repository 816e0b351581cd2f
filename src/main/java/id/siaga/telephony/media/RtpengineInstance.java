package id.siaga.telephony.media;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One configured rtpengine instance as the client sees it, for health and the supervisor board.
 *
 * @param address     its ng control address
 * @param live        whether new calls go to it
 * @param downSince   when it last failed to answer, while it is down
 * @param lastFailure why it last failed, empty if it never did
 */
public record RtpengineInstance(InetSocketAddress address, boolean live, Optional<Instant> downSince, String lastFailure) {
}
