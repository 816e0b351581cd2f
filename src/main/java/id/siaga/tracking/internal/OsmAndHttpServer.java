package id.siaga.tracking.internal;

import id.siaga.tracking.PositionPipeline;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OsmAnd / Traccar HTTP door on its own port (Traccar's 5055), on Netty: {@code GET} or {@code POST} of one
 * position on any path, and {@code POST /batch} for a JSON batch. HTTP/1.1 keep-alive; bodies over
 * {@code maxBodyBytes} get 413 (the connection survives when the client keeps it alive); an idle connection is
 * closed after two minutes. See {@link OsmAndHttpHandler} for the answers. With TLS the same door speaks HTTPS only
 * (Traccar Client and OsmAnd take an https:// server URL); a connection that does not finish its handshake within ten
 * seconds is closed.
 */
public final class OsmAndHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OsmAndHttpServer.class);
    static final int IDLE_SECONDS = 120;
    static final int HANDSHAKE_SECONDS = 10;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;
    private final int port;

    /** Plain HTTP; binds at once; {@code port} 0 takes any free port (see {@link #port()}). */
    public OsmAndHttpServer(PositionPipeline pipeline, String address, int port, int maxBodyBytes) {
        this(pipeline, address, port, maxBodyBytes, Optional.empty());
    }

    /** HTTPS when {@code tls} is given: it makes the server side of each connection's TLS session. */
    public OsmAndHttpServer(PositionPipeline pipeline, String address, int port, int maxBodyBytes, Optional<Supplier<SSLEngine>> tls) {
        OsmAndHttpHandler handler = new OsmAndHttpHandler(pipeline);
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new ReadTimeoutHandler(IDLE_SECONDS, TimeUnit.SECONDS));
                            tls.ifPresent(engines -> {
                                SslHandler ssl = new SslHandler(engines.get());
                                ssl.setHandshakeTimeout(HANDSHAKE_SECONDS, TimeUnit.SECONDS);
                                ch.pipeline().addLast(ssl, new TlsRefusals());
                            });
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(), new HttpObjectAggregator(maxBodyBytes),
                                    handler);
                        }
                    });
            this.channel = bootstrap.bind(address, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new IllegalStateException("cannot listen for OsmAnd positions on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
        log.info("OsmAnd/Traccar positions served on {}://{}:{}/ (one position, GET or POST) and /batch (JSON batch)",
                tls.isPresent() ? "https" : "http", address, this.port);
    }

    /**
     * A connection that does not speak TLS (a device still set to http://) or whose handshake fails is closed with one
     * line in the log, not a stack trace with the bytes it sent.
     */
    private static final class TlsRefusals extends ChannelInboundHandlerAdapter {

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable tls = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            if (tls instanceof SSLException) {
                log.info("OsmAnd connection from {} closed: {}", ctx.channel().remoteAddress(),
                        tls instanceof NotSslRecordException ? "not TLS (a device set to http:// instead of https://?)" : tls.getMessage());
                ctx.close();
                return;
            }
            ctx.fireExceptionCaught(cause);
        }
    }

    /** The port bound. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        shutdownGroups();
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
