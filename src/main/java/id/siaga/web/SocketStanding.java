package id.siaga.web;

import id.siaga.security.CredentialStanding;
import id.siaga.security.SiagaPrincipal;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open WebSockets (the EIDO conveyance, the officer app's alerts) and the credentials they were opened with, checked
 * again every {@code siaga.access.socket-recheck} and at once after a revocation on this node: a socket whose key was
 * revoked, or whose account was disabled, reset or changed, is closed with 1008 (policy violation) and a reason, and
 * connects again only with a credential that stands. While the database cannot be read the sockets stay open.
 */
public final class SocketStanding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketStanding.class);
    static final CloseStatus NO_LONGER_STANDS = CloseStatus.POLICY_VIOLATION.withReason("credential revoked or changed; connect again");

    private final CredentialStanding standing;
    private final Map<WebSocketSession, SiagaPrincipal> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "socket-standing");
        t.setDaemon(true);
        return t;
    });

    public SocketStanding(CredentialStanding standing, Duration recheck) {
        this.standing = standing;
        long every = recheck.toMillis();
        timer.scheduleWithFixedDelay(this::recheckQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Watches the socket until it closes ({@link #forget}). */
    void watch(WebSocketSession session, SiagaPrincipal principal) {
        open.put(session, principal);
    }

    void forget(WebSocketSession session) {
        open.remove(session);
    }

    /** Checks every open socket now, off the caller's thread; for the node where a key was just revoked. */
    void recheck() {
        timer.execute(this::recheckQuietly);
    }

    /** @return how many sockets were closed */
    int recheckNow() {
        int closed = 0;
        // an officer's app open on two phones, or a system with several sockets: one read of its credential per check
        Map<SiagaPrincipal, Boolean> stands = new java.util.HashMap<>();
        for (var e : open.entrySet()) {
            if (!stands.computeIfAbsent(e.getValue(), standing::stands)) {
                open.remove(e.getKey());
                log.info("WebSocket {} of {} closed: its credential no longer stands", e.getKey().getId(), e.getValue().username());
                try {
                    e.getKey().close(NO_LONGER_STANDS);
                } catch (IOException | RuntimeException gone) {
                    // closed already
                }
                closed++;
            }
        }
        return closed;
    }

    private void recheckQuietly() {
        try {
            recheckNow();
        } catch (DataAccessException e) {
            log.warn("open WebSockets' credentials not checked: the database is away ({}); they stay open until it answers", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("open WebSockets' credentials not checked", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
