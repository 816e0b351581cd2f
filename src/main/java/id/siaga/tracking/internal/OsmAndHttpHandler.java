package id.siaga.tracking.internal;

import id.siaga.tracking.IngestOutcome;
import id.siaga.tracking.IngestResult;
import id.siaga.tracking.PositionPipeline;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers of the OsmAnd door. One position ({@code /} or any path but {@code /batch}): 200 with an empty body when
 * taken (also a heartbeat, an out-of-order fix or a resend), 400 {@code text/plain} with the reason when refused
 * (unknown device, malformed, invalid), 503 with {@code Retry-After} when the history queue is full. A batch
 * ({@code POST /batch}): {@code application/json} with an outcome per element, 200 when any element was taken,
 * 400 when none was, 503 when the queue is full (then nothing was taken: resend it all). Other methods: 405.
 */
@ChannelHandler.Sharable
final class OsmAndHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(OsmAndHttpHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int RETRY_AFTER_SECONDS = 5;

    private final PositionPipeline pipeline;

    OsmAndHttpHandler(PositionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            answer(ctx, request);
        } catch (RuntimeException e) {
            log.error("OsmAnd request {} {} failed", request.method(), abbreviate(request.uri()), e);
            reply(ctx, request, text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"), true);
        }
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            reply(ctx, request, text(HttpResponseStatus.BAD_REQUEST, "unreadable HTTP request"), true);
            return;
        }
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.POST.equals(method)) {
            FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET or POST");
            r.headers().set(HttpHeaderNames.ALLOW, "GET, POST");
            reply(ctx, request, r, false);
            return;
        }
        String uri = request.uri();
        byte[] body = ByteBufUtil.getBytes(request.content());
        if (isBatch(uri)) {
            if (!HttpMethod.POST.equals(method)) {
                FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "POST a JSON batch to /batch");
                r.headers().set(HttpHeaderNames.ALLOW, "POST");
                reply(ctx, request, r, false);
                return;
            }
            reply(ctx, request, batchAnswer(pipeline.batch(body)), false);
            return;
        }
        IngestResult result = pipeline.osmAnd(uri, request.headers().get(HttpHeaderNames.CONTENT_TYPE), body);
        if (result.busy()) {
            reply(ctx, request, busy(text(HttpResponseStatus.SERVICE_UNAVAILABLE, "history queue full, resend later")), false);
            return;
        }
        IngestOutcome outcome = result.outcomes().get(0);
        if (outcome.isTaken()) {
            reply(ctx, request, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER), false);
        } else {
            reply(ctx, request, text(HttpResponseStatus.BAD_REQUEST, outcome.reason() + ": " + outcome.detail()), false);
        }
    }

    /** A URI short enough for a log line (a position request carries everything in its query). */
    private static String abbreviate(String uri) {
        return uri.length() <= 40 ? uri : uri.substring(0, 40) + "…";
    }

    private static boolean isBatch(String uri) {
        return uri.equals("/batch") || uri.startsWith("/batch?") || uri.startsWith("/batch/");
    }

    private static FullHttpResponse batchAnswer(IngestResult result) {
        if (result.busy()) {
            return busy(text(HttpResponseStatus.SERVICE_UNAVAILABLE, "history queue full, resend the whole batch later"));
        }
        List<Map<String, Object>> elements = new ArrayList<>(result.outcomes().size());
        for (IngestOutcome o : result.outcomes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", elements.size());
            e.put("outcome", o.status().name());
            if (!o.isTaken()) {
                e.put("reason", o.reason().name());
                e.put("detail", o.detail());
            }
            elements.add(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", result.taken());
        answer.put("rejected", result.rejected());
        answer.put("results", elements);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                result.taken() > 0 ? HttpResponseStatus.OK : HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(JSON.writeValueAsBytes(answer)));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        return r;
    }

    private static FullHttpResponse busy(FullHttpResponse r) {
        r.headers().set(HttpHeaderNames.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return r;
    }

    private static FullHttpResponse text(HttpResponseStatus status, String message) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(message + "\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response, boolean close) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (close) {
            HttpUtil.setKeepAlive(response, false);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof ReadTimeoutException) && !(cause instanceof IOException)) {
            log.warn("OsmAnd connection from {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
