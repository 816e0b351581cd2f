package id.siaga.tracking.internal;

import id.siaga.tracking.PositionPipeline;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OsmAnd / Traccar HTTP door on its own port (Traccar's 5055), on Netty: {@code GET} or {@code POST} of one
 * position on any path, and {@code POST /batch} for a JSON batch. HTTP/1.1 keep-alive; bodies over
 * {@code maxBodyBytes} get 413 (the connection survives when the client keeps it alive); an idle connection is
 * closed after two minutes. See {@link OsmAndHttpHandler} for the answers.
 */
public final class OsmAndHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OsmAndHttpServer.class);
    static final int IDLE_SECONDS = 120;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;
    private final int port;

    /** Binds at once; {@code port} 0 takes any free port (see {@link #port()}). */
    public OsmAndHttpServer(PositionPipeline pipeline, String address, int port, int maxBodyBytes) {
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
                            ch.pipeline().addLast(new ReadTimeoutHandler(IDLE_SECONDS, TimeUnit.SECONDS), new HttpServerCodec(),
                                    new HttpServerKeepAliveHandler(), new HttpObjectAggregator(maxBodyBytes), handler);
                        }
                    });
            this.channel = bootstrap.bind(address, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new IllegalStateException("cannot listen for OsmAnd positions on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
        log.info("OsmAnd/Traccar positions served on http://{}:{}/ (one position, GET or POST) and /batch (JSON batch)", address, this.port);
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
