package id.siaga.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The officer app's WebSocket and the EIDO conveyance's; each handshake is an ordinary authenticated request (session cookie
 * or Basic; an API key for the EIDO conveyance, refused with 403 for anyone but an integration client).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    private final OfficerAlertSocket officers;
    private final EidoConveyanceSocket eido;

    WebSocketConfiguration(OfficerAlertSocket officers, EidoConveyanceSocket eido) {
        this.officers = officers;
        this.eido = eido;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(officers, "/ws/officer").setHandshakeHandler(new ProblemHandshakes()).addInterceptors(new GetOnly());
        registry.addHandler(eido, "/ws/eido").setHandshakeHandler(new ProblemHandshakes()).addInterceptors(new GetOnly(), new IntegrationOnly());
    }

    /** The EIDO conveyance is for other systems with an API key of the INTEGRATION role: anyone else gets 403 before the upgrade. */
    static final class IntegrationOnly implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            if (EidoConveyanceSocket.integrationClient(request.getPrincipal()) != null) {
                return true;
            }
            ProblemHandshakes.refuse(request, response, HttpStatus.FORBIDDEN,
                    "the EIDO conveyance is for other systems: connect with an API key (X-Api-Key) of the INTEGRATION role");
            return false;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {
        }
    }

    /** A handshake comes by GET; anything else is a 405 in problem+json (Spring's own 405 here has no body). */
    static final class GetOnly implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            if (HttpMethod.GET.equals(request.getMethod())) {
                return true;
            }
            response.getHeaders().setAllow(Set.of(HttpMethod.GET));
            ProblemHandshakes.refuse(request, response, HttpStatus.METHOD_NOT_ALLOWED, "a WebSocket opens with GET");
            return false;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {
        }
    }

    /** A handshake that is not one (no upgrade, another method, an unknown version) is refused in problem+json, like any request. */
    static final class ProblemHandshakes extends DefaultHandshakeHandler {

        @Override
        protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "this is a WebSocket: send Upgrade: websocket");
        }

        @Override
        protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "this is a WebSocket: send Connection: Upgrade");
        }

        @Override
        protected void handleWebSocketVersionNotSupported(ServerHttpRequest request, ServerHttpResponse response) {
            response.getHeaders().set("Sec-WebSocket-Version", String.join(", ", getSupportedVersions()));
            refuse(request, response, HttpStatus.UPGRADE_REQUIRED, "unsupported WebSocket version; supported: "
                    + String.join(", ", getSupportedVersions()));
        }

        static void refuse(ServerHttpRequest request, ServerHttpResponse response, HttpStatus status, String detail) {
            response.setStatusCode(status);
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            try {
                response.getBody().write(Problems.json(status.value(), detail, request.getURI().getRawPath()).getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // the client has gone: nothing more to say
            }
        }
    }
}
