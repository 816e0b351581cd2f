package id.siaga.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The officer app's WebSocket; the handshake is an ordinary authenticated request (session cookie or Basic). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    private final OfficerAlertSocket officers;

    WebSocketConfiguration(OfficerAlertSocket officers) {
        this.officers = officers;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(officers, "/ws/officer");
    }
}
