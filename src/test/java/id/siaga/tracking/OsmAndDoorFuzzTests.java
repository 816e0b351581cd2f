package id.siaga.tracking;

import static id.siaga.support.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OsmAnd door (port 5055) fuzzed from the bytes a tracker sends (docs/FUZZING.md): Netty's HTTP codec frames them
 * as the door's server does, and each request goes where the door sends it, {@code /batch} to the JSON batch
 * decoder, any other path to the OsmAnd decoder (query, form or Traccar JSON). Whatever arrives, the decoders answer
 * with one element per position, each a candidate fix or a refusal with a clean reason ({@link DecodedFixChecks}),
 * and never throw.
 */
class OsmAndDoorFuzzTests {

    /** The door's default body limit (siaga.tracking.max-body-bytes). */
    private static final int MAX_BODY_BYTES = 65_536;

    static Stream<byte[]> request() {
        return Fuzzing.seeds("osmand/", "batch-array.http", "batch-object.http", "form-body-deviceid-spaced-time.http",
                "get-bad-speed.http", "get-bad-timestamp.http", "get-garbage-lat.http", "get-heartbeat-zero.http", "get-iso-utc.http",
                "get-location-iso-offset.http", "get-nan.http", "get-no-id.http", "get-no-timestamp.http", "get-unknown-device.http",
                "osmand-get-epoch-millis.http", "traccar-json-truncated.http", "traccar-json-wrong-types.http", "traccar-json.http",
                "traccar-post-query-epoch-seconds.http");
    }

    @MethodSource
    @FuzzTest
    void request(byte[] bytes) {
        EmbeddedChannel door = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY_BYTES));
        try {
            try {
                door.writeInbound(Unpooled.wrappedBuffer(bytes));
            } catch (RuntimeException e) {
                // Netty's codec gave up on the bytes (the door's handler closes the connection); what it framed before still counts
            }
            for (Object in = door.readInbound(); in != null; in = door.readInbound()) {
                if (in instanceof FullHttpRequest request) {
                    try {
                        decode(request);
                    } finally {
                        request.release();
                    }
                }
            }
        } finally {
            closeQuietly(door);
        }
    }

    /** The connection ends with the bytes: a message cut short is Netty's to drop (PrematureChannelClosureException), as the door's server does. */
    private static void closeQuietly(EmbeddedChannel door) {
        try {
            door.finishAndReleaseAll();
        } catch (RuntimeException e) {
            door.releaseInbound();
            door.releaseOutbound();
        }
    }

    /** What the door's handler does with a framed request before the pipeline (OsmAndHttpHandler.answer). */
    private static void decode(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return; // answered 400 "unreadable HTTP request" by the door
        }
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.POST.equals(method)) {
            return; // 405
        }
        String uri = request.uri();
        byte[] body = ByteBufUtil.getBytes(request.content());
        boolean batch = uri.equals("/batch") || uri.startsWith("/batch?") || uri.startsWith("/batch/");
        List<DecodedFix> fixes;
        if (batch) {
            if (!HttpMethod.POST.equals(method)) {
                return; // 405
            }
            fixes = JsonPositionDecoder.batch(body);
        } else {
            fixes = OsmAndPositionDecoder.decode(uri, request.headers().get(HttpHeaderNames.CONTENT_TYPE), body);
            check(fixes.size() == 1, () -> "one OsmAnd request decoded into " + fixes.size() + " positions");
        }
        check(!fixes.isEmpty(), () -> uri + " decoded into nothing: the door would have nothing to answer");
        for (DecodedFix fix : fixes) {
            DecodedFixChecks.decoded(fix, batch ? "JSON batch" : "OsmAnd");
        }
    }
}
