package id.siaga.telephony.recording;

/** ITU-T G.711 expanded to 16-bit linear PCM: µ-law (RTP payload type 0, PCMU) and A-law (8, PCMA), by table. */
final class G711 {

    static final int PCMU = 0;
    static final int PCMA = 8;

    private static final short[] ULAW = new short[256];
    private static final short[] ALAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xff;
            int magnitude = (((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 0x07);
            ULAW[i] = (short) ((u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
            int a = i ^ 0x55;
            int exponent = (a >> 4) & 0x07;
            int t = exponent == 0 ? ((a & 0x0f) << 4) + 8 : (((a & 0x0f) << 4) + 0x108) << (exponent - 1);
            ALAW[i] = (short) ((a & 0x80) != 0 ? t : -t);
        }
    }

    private G711() {
    }

    /** Whether the payload type is one of the two decoded here. */
    static boolean decodes(int payloadType) {
        return payloadType == PCMU || payloadType == PCMA;
    }

    static short decode(int payloadType, byte sample) {
        return payloadType == PCMU ? ULAW[sample & 0xff] : ALAW[sample & 0xff];
    }
}
