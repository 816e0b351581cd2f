package id.siaga.telephony.media;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What rtpengine knows of one call ({@code query}): its parties by tag, each party's streams with the port rtpengine
 * receives that party's packets on, the address they come from, and the counts.
 *
 * @param created    when rtpengine created the call
 * @param parties    one per tag (the offer's untagged other side has tag "")
 * @param rtpPackets RTP packets rtpengine received for the call, all parties
 */
public record MediaQuery(Instant created, List<Party> parties, long rtpPackets) {

    public MediaQuery {
        parties = List.copyOf(parties);
    }

    /**
     * One party (an rtpengine "monologue").
     *
     * @param tag         its tag
     * @param subscribers the tags of the parties its media goes to
     * @param streams     its RTP and RTCP streams
     */
    public record Party(String tag, List<String> subscribers, List<Stream> streams) {

        public Party {
            subscribers = List.copyOf(subscribers);
            streams = List.copyOf(streams);
        }

        /** Its first RTP stream (the audio). */
        public Optional<Stream> rtp() {
            return streams.stream().filter(s -> !s.rtcp()).findFirst();
        }
    }

    /**
     * One stream of a party.
     *
     * @param rtcp      RTCP rather than RTP
     * @param codec     the codec in use ("PCMA/8000"), empty before the answer
     * @param localPort rtpengine's port that receives this party's packets (the port in the SDP this party got)
     * @param endpoint  where the party sends from and is sent to, once known
     * @param packets   packets received from the party
     * @param bytes     bytes received from the party
     * @param errors    packets rtpengine could not relay
     */
    public record Stream(boolean rtcp, String codec, int localPort, Optional<InetSocketAddress> endpoint, long packets, long bytes,
                         long errors) {
    }

    /** The party with this tag. */
    public Optional<Party> party(String tag) {
        return parties.stream().filter(p -> p.tag().equals(tag)).findFirst();
    }

    /** Reads a query reply; fields rtpengine leaves out read as empty or zero. */
    static MediaQuery from(Map<String, Object> reply) {
        Instant created = Instant.ofEpochSecond(number(reply, "created"), number(reply, "created_us") * 1000);
        List<Party> parties = dict(reply, "tags").values().stream().map(MediaQuery::party).toList();
        long rtp = number(dict(dict(reply, "totals"), "RTP"), "packets");
        return new MediaQuery(created, parties, rtp);
    }

    private static Party party(Object value) {
        Map<String, Object> monologue = asDict(value);
        List<String> subscribers = list(monologue, "subscribers").stream().map(s -> text(asDict(s), "tag")).toList();
        List<Stream> streams = list(monologue, "medias").stream().map(MediaQuery::asDict)
                .flatMap(media -> list(media, "streams").stream().map(s -> stream(text(media, "codec"), asDict(s))))
                .toList();
        return new Party(text(monologue, "tag"), subscribers, streams);
    }

    private static Stream stream(String codec, Map<String, Object> s) {
        long local = number(s, "local port");
        Map<String, Object> end = dict(s, "endpoint");
        Map<String, Object> stats = dict(s, "stats");
        return new Stream(list(s, "flags").contains("RTCP"), codec, local > 0 && local <= 65535 ? (int) local : 0,
                address(text(end, "address"), number(end, "port")), number(stats, "packets"), number(stats, "bytes"), number(stats, "errors"));
    }

    /** An IP address and port as rtpengine writes them; anything else (a name would mean a DNS lookup) is absent. */
    static Optional<InetSocketAddress> address(String ip, long port) {
        if (port < 1 || port > 65535 || !(IPV4.matcher(ip).matches() || ip.indexOf(':') >= 0 && IPV6.matcher(ip).matches())) {
            return Optional.empty();
        }
        try {
            // a literal: getByName parses it without asking DNS
            return Optional.of(new InetSocketAddress(InetAddress.getByName(ip), (int) port));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private static Map<String, Object> dict(Map<String, Object> in, String key) {
        return asDict(in.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asDict(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> in, String key) {
        Object value = in.get(key);
        return value instanceof List ? (List<Object>) value : List.of();
    }

    private static String text(Map<String, Object> in, String key) {
        Object value = in.get(key);
        return value == null ? "" : value.toString();
    }

    private static long number(Map<String, Object> in, String key) {
        Object value = in.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
