package id.siaga.telephony.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SDP that stands in for the operator's answer while nobody has answered, so rtpengine gives the caller its SDP
 * (for a 183 Session Progress) and plays prompts to it. Made from the SDP rtpengine offered the operators' phones: the
 * first audio stream keeps the offer's first codec and its telephone-event (so keypresses still arrive), send and
 * receive, at rtpengine's own address on the discard port 9 (what the caller says meanwhile goes nowhere, and is still
 * recorded); every other stream is refused (port 0), as an answer must list each offered stream. Its origin is Siaga
 * 110's ({@code o=siaga110 <session> 1 ...}), not a copy of the caller's: the caller keeps it for the whole session,
 * and the operator's real answer later gets the same origin with the next version ({@link #withOrigin}).
 */
final class PlaceholderAnswer {

    static final int DISCARD_PORT = 9;

    private PlaceholderAnswer() {
    }

    static String from(String offeredSdp, long sessionId) {
        List<String> session = new ArrayList<>();
        List<List<String>> media = new ArrayList<>();
        for (String line : offeredSdp.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("m=")) {
                media.add(new ArrayList<>(List.of(line)));
            } else if (media.isEmpty()) {
                session.add(line);
            } else {
                media.get(media.size() - 1).add(line);
            }
        }
        StringBuilder sdp = new StringBuilder("v=0\r\n");
        String address = session.stream().filter(l -> l.startsWith("c=")).findFirst().map(l -> l.substring(2))
                .or(() -> media.stream().flatMap(List::stream).filter(l -> l.startsWith("c=")).findFirst().map(l -> l.substring(2)))
                .orElseThrow(() -> new IllegalArgumentException("the offered SDP has no c= line"));
        sdp.append("o=siaga110 ").append(sessionId).append(" 1 ").append(address).append("\r\n").append("s=-\r\n");
        for (String line : session) {
            if (line.startsWith("c=") || line.startsWith("t=")) {
                sdp.append(line).append("\r\n");
            }
        }
        boolean audioDone = false;
        for (List<String> section : media) {
            String[] m = section.get(0).split(" ");
            if (audioDone || !m[0].equals("m=audio") || m.length < 4) {
                sdp.append(m[0]).append(" 0 ").append(String.join(" ", List.of(m).subList(2, m.length))).append("\r\n");
                continue;
            }
            audioDone = true;
            String codec = null;
            String event = null;
            for (int i = 3; i < m.length; i++) {
                if (isTelephoneEvent(section, m[i])) {
                    event = event == null ? m[i] : event;
                } else if (codec == null) {
                    codec = m[i];
                }
            }
            if (codec == null) {
                codec = m[3];
            }
            List<String> kept = event == null ? List.of(codec) : List.of(codec, event);
            sdp.append("m=audio ").append(DISCARD_PORT).append(' ').append(m[2]).append(' ').append(String.join(" ", kept)).append("\r\n");
            for (String line : section.subList(1, section.size())) {
                if (line.startsWith("c=") || line.startsWith("a=ptime:")
                        || kept.stream().anyMatch(pt -> line.startsWith("a=rtpmap:" + pt + " ") || line.startsWith("a=fmtp:" + pt + " "))) {
                    sdp.append(line).append("\r\n");
                }
            }
            sdp.append("a=sendrecv\r\n");
        }
        if (!audioDone) {
            throw new IllegalArgumentException("the offered SDP has no audio stream");
        }
        return sdp.toString();
    }

    /**
     * {@code sdp} with the origin of {@code previous} (the SDP the same party got last) and its version plus one: an
     * SDP's origin stays the same for the whole session, its version rises with each change (RFC 3264 section 8).
     */
    static String withOrigin(String sdp, String previous) {
        String[] origin = line(previous, "o=").split(" ");
        if (origin.length != 6) {
            throw new IllegalArgumentException("not an origin line: " + String.join(" ", origin));
        }
        origin[2] = Long.toString(Long.parseLong(origin[2]) + 1);
        return sdp.replaceFirst("(?m)^o=[^\r\n]*", java.util.regex.Matcher.quoteReplacement(String.join(" ", origin)));
    }

    private static String line(String sdp, String prefix) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalArgumentException("no " + prefix + " line in the SDP");
    }

    private static boolean isTelephoneEvent(List<String> section, String payloadType) {
        String prefix = "a=rtpmap:" + payloadType + " ";
        return section.stream().anyMatch(l -> l.startsWith(prefix) && l.substring(prefix.length()).toLowerCase(Locale.ROOT).startsWith("telephone-event/"));
    }
}
