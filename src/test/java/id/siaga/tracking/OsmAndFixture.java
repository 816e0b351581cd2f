package id.siaga.tracking;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A captured device request from {@code src/test/resources/osmand/}, byte for byte, and the same request as
 * Netty's HTTP codec reads it (request target, content type, body): what the server hands the decoder.
 */
record OsmAndFixture(byte[] bytes, String method, String uri, String contentType, byte[] body) {

    static OsmAndFixture load(String name) {
        byte[] bytes;
        try (InputStream in = OsmAndFixture.class.getResourceAsStream("/osmand/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture osmand/" + name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(), new HttpObjectAggregator(1 << 20));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        FullHttpRequest request = channel.readInbound();
        if (request == null || request.decoderResult().isFailure()) {
            throw new IllegalStateException("fixture osmand/" + name + " is not one complete HTTP request");
        }
        try {
            return new OsmAndFixture(bytes, request.method().name(), request.uri(), request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    ByteBufUtil.getBytes(request.content()));
        } finally {
            request.release();
            channel.finishAndReleaseAll();
        }
    }

    /** Decoded as the OsmAnd door decodes it ({@code /batch} as a batch). */
    java.util.List<DecodedFix> decode() {
        return uri.startsWith("/batch") ? JsonPositionDecoder.batch(body) : OsmAndPositionDecoder.decode(uri, contentType, body);
    }

    DecodedFix decodeOne() {
        java.util.List<DecodedFix> all = decode();
        if (all.size() != 1) {
            throw new IllegalStateException("expected one fix, got " + all.size());
        }
        return all.get(0);
    }
}
