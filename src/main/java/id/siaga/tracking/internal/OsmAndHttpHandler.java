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
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers of the OsmAnd door. One position ({@code /} or any path but {@code /batch}): 200 with an empty body when
 * taken (also a heartbeat, an out-of-order fix or a resend), 400 {@code text/plain} with the reason when refused
 * (unknown device, malformed, invalid), 503 with {@code Retry-After} when the history queue is full or the fix could
 * not be kept in time. A batch ({@code POST /batch}): {@code application/json} with an outcome per element, 200 when
 * any element was taken, 400 when none was, 503 when its fixes could not be kept (then nothing was taken: resend it
 * all). Other methods: 405.
 *
 * <p>A 200 is sent only once the fixes are kept (database or local spool); the event loop does not wait for that: the
 * answer is written when the pipeline's future completes, and a connection's answers leave in the order of its
 * requests (HTTP/1.1 pipelining). A client that drops its connection mid-request, or sends bytes that are not HTTP, is
 * the client's affair: logged at DEBUG, and a malformed request as at most one WARN line a minute, without a stack
 * trace; stack traces are kept for faults of the server.
 */
@ChannelHandler.Sharable
final class OsmAndHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(OsmAndHttpHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int RETRY_AFTER_SECONDS = 5;
    private static final long MALFORMED_LOG_EVERY_NANOS = 60_000_000_000L;
    /** The answer last queued on a connection: the next one is written after it. Touched on the channel's event loop only. */
    private static final AttributeKey<CompletableFuture<Void>> LAST_ANSWER = AttributeKey.valueOf("siaga.osmand.lastAnswer");

    /** An answer, and whether the connection closes after it. */
    private record Reply(FullHttpResponse response, boolean close) {
    }

    private final PositionPipeline pipeline;
    private final AtomicLong malformedSinceLog = new AtomicLong();
    private final AtomicLong lastMalformedLogNanos = new AtomicLong(System.nanoTime() - MALFORMED_LOG_EVERY_NANOS);

    OsmAndHttpHandler(PositionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String what = request.method() + " " + abbreviate(request.uri());
        CompletableFuture<Reply> reply;
        try {
            reply = answer(request);
        } catch (RuntimeException e) {
            log.error("OsmAnd request {} failed", what, e);
            reply = CompletableFuture.completedFuture(failed());
        }
        send(ctx, reply, what);
    }

    private CompletableFuture<Reply> answer(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return done(text(HttpResponseStatus.BAD_REQUEST, "unreadable HTTP request"), true);
        }
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.POST.equals(method)) {
            FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET or POST");
            r.headers().set(HttpHeaderNames.ALLOW, "GET, POST");
            return done(r, false);
        }
        String uri = request.uri();
        byte[] body = ByteBufUtil.getBytes(request.content());
        if (isBatch(uri)) {
            if (!HttpMethod.POST.equals(method)) {
                FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "POST a JSON batch to /batch");
                r.headers().set(HttpHeaderNames.ALLOW, "POST");
                return done(r, false);
            }
            return pipeline.batchAsync(body).thenApply(result -> new Reply(batchAnswer(result), false));
        }
        return pipeline.osmAndAsync(uri, request.headers().get(HttpHeaderNames.CONTENT_TYPE), body)
                .thenApply(result -> new Reply(positionAnswer(result), false));
    }

    private static FullHttpResponse positionAnswer(IngestResult result) {
        if (result.busy()) {
            return busy(text(HttpResponseStatus.SERVICE_UNAVAILABLE, "the position could not be kept yet, resend it later"));
        }
        IngestOutcome outcome = result.outcomes().get(0);
        if (outcome.isTaken()) {
            return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
        }
        return text(HttpResponseStatus.BAD_REQUEST, outcome.reason() + ": " + outcome.detail());
    }

    private static CompletableFuture<Reply> done(FullHttpResponse response, boolean close) {
        return CompletableFuture.completedFuture(new Reply(response, close));
    }

    private static Reply failed() {
        return new Reply(text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"), true);
    }

    /** Writes the answer on the channel's event loop once it is ready and every earlier answer of the connection is out. */
    private static void send(ChannelHandlerContext ctx, CompletableFuture<Reply> reply, String what) {
        Attribute<CompletableFuture<Void>> last = ctx.channel().attr(LAST_ANSWER);
        CompletableFuture<Void> before = last.get();
        boolean inTurn = before == null || before.isDone();
        if (inTurn && reply.isDone() && !reply.isCompletedExceptionally() && ctx.executor().inEventLoop()) {
            write(ctx, reply.getNow(null), null, what);
            return;
        }
        CompletableFuture<Reply> ready = inTurn ? reply : before.thenCombine(reply, (previous, r) -> r);
        last.set(ready.handleAsync((r, e) -> {
            write(ctx, r, e, what);
            return null;
        }, ctx.executor()));
    }

    private static void write(ChannelHandlerContext ctx, Reply reply, Throwable error, String what) {
        if (error != null) {
            log.error("OsmAnd request {} failed", what, error);
            reply = failed();
        }
        FullHttpResponse response = reply.response();
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (reply.close()) {
            HttpUtil.setKeepAlive(response, false);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
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
            return busy(text(HttpResponseStatus.SERVICE_UNAVAILABLE, "the positions could not be kept yet, resend the whole batch later"));
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

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isDisconnect(cause)) {
            log.debug("OsmAnd connection from {} ended mid-request: {}", ctx.channel().remoteAddress(), cause.toString());
        } else if (cause instanceof DecoderException) {
            malformed(ctx, cause);
        } else {
            log.warn("OsmAnd connection from {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    /** The client went away or went quiet (closed or reset mid-request, idle past the read timeout). */
    private static boolean isDisconnect(Throwable cause) {
        return cause instanceof PrematureChannelClosureException || cause instanceof ReadTimeoutException || cause instanceof IOException
                || (cause instanceof DecoderException && cause.getCause() instanceof IOException);
    }

    /** Bytes that are not an HTTP request: one line, at most once a minute, with the count since the last. */
    private void malformed(ChannelHandlerContext ctx, Throwable cause) {
        long count = malformedSinceLog.incrementAndGet();
        long before = lastMalformedLogNanos.get();
        long now = System.nanoTime();
        if (now - before >= MALFORMED_LOG_EVERY_NANOS && lastMalformedLogNanos.compareAndSet(before, now)) {
            malformedSinceLog.addAndGet(-count);
            log.warn("OsmAnd door: {} malformed request(s) since the last warning, the latest from {}: {}", count,
                    ctx.channel().remoteAddress(), cause.getMessage());
        } else {
            log.debug("OsmAnd door: malformed request from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        }
    }
}
