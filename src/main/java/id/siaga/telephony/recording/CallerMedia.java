package id.siaga.telephony.recording;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How the caller's RTP is told from the operator's in rtpengine's pcap. rtpengine records each packet as it arrived:
 * the source is whoever sent it, the destination is rtpengine's own port for that side of the call. So a packet is the
 * caller's when it was
 * <ul>
 * <li>{@link #sentTo sent to} the port rtpengine gave the caller (the {@code m=audio} port of the SDP rtpengine
 *     returned for the caller's leg: the {@code answer} reply when the caller's INVITE made the offer). This is the
 *     reliable way: rtpengine chose that port and only the caller was told it, whatever NAT or a carrier's SBC does to
 *     the caller's own address. Only the port is compared: rtpengine's local address in the pcap is its interface's,
 *     which may differ from the address it advertises;</li>
 * <li>or {@link #sentFrom sent from} the caller's media address as the caller's SDP gave it ({@code c=} and
 *     {@code m=audio}): right when the caller sends from where it said it listens (symmetric RTP, as trunks do), wrong
 *     behind a NAT that rewrites it.</li>
 * </ul>
 * Every other RTP packet is the operator's. Or the other way round, {@link #notSentTo}: every packet is the caller's but
 * those sent to the port rtpengine gave the operators' phones (the {@code m=audio} port of its {@code offer} reply),
 * as reliable as the first and known as soon as the call is anchored: what a restart has left of a call.
 */
public final class CallerMedia {

    /** The caller's source address; null when the caller is told by the port it sent to. */
    private final InetAddress source;
    private final int port;
    /** True when {@code port} is the operators' side: the caller's packets are those not sent to it. */
    private final boolean operators;

    private CallerMedia(InetAddress source, int port, boolean operators) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a media port is 1-65535, got " + port);
        }
        this.source = source;
        this.port = port;
        this.operators = operators;
    }

    /** The caller's packets are those sent to rtpengine's {@code port} for the caller's leg. */
    public static CallerMedia sentTo(int port) {
        return new CallerMedia(null, port, false);
    }

    /** The caller's packets are those not sent to rtpengine's {@code operatorPort}, the port the operators' phones got. */
    public static CallerMedia notSentTo(int operatorPort) {
        return new CallerMedia(null, operatorPort, true);
    }

    /** The caller's packets are those sent from {@code callerRtp} (address and port of the caller's SDP). */
    public static CallerMedia sentFrom(InetSocketAddress callerRtp) {
        Objects.requireNonNull(callerRtp, "callerRtp");
        if (callerRtp.getAddress() == null) {
            throw new IllegalArgumentException("the caller's media address must be resolved: " + callerRtp);
        }
        return new CallerMedia(callerRtp.getAddress(), callerRtp.getPort(), false);
    }

    /**
     * {@link #sentTo} the first {@code m=audio} port of the SDP rtpengine returned for the caller's leg; empty when the
     * SDP has no audio line.
     */
    public static Optional<CallerMedia> fromRelaySdp(String sdpForCaller) {
        if (sdpForCaller == null) {
            return Optional.empty();
        }
        for (String line : sdpForCaller.split("\r?\n")) {
            if (line.startsWith("m=audio ")) {
                String[] parts = line.split(" ");
                try {
                    int port = parts.length > 1 ? Integer.parseInt(parts[1].split("/")[0]) : 0;
                    return port >= 1 && port <= 65535 ? Optional.of(sentTo(port)) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    boolean isCaller(RtpPacket p) {
        if (operators) {
            return p.destinationPort() != port;
        }
        if (source == null) {
            return p.destinationPort() == port;
        }
        return p.sourcePort() == port && Arrays.equals(p.sourceAddress(), source.getAddress());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallerMedia other && other.port == port && other.operators == operators && Objects.equals(other.source, source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, port, operators);
    }

    /** "sent to rtpengine port 41014", "not sent to rtpengine port 41012" or "sent from 192.0.2.7:4000", as logs and the journal say it. */
    @Override
    public String toString() {
        return operators ? "not sent to rtpengine port " + port : source == null ? "sent to rtpengine port " + port
                : "sent from " + source.getHostAddress() + ":" + port;
    }
}
