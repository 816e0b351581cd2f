package id.siaga.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP requests to the service from a loopback address of the test's choosing (127.0.0.2, 127.0.0.3, ...), so each
 * story has a source address of its own, as clients behind different networks would. HTTP/1.0, one connection per
 * request: the answer ends where the connection does. Cookies the service sets are kept and sent back.
 */
final class FromAddress {

    private final InetAddress local;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    FromAddress(String localAddress, int port) {
        try {
            this.local = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = port;
    }

    Http.Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    Http.Response post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    Http.Response form(String path, String form, String... headers) {
        return send("POST", path, "application/x-www-form-urlencoded", form, headers);
    }

    String cookie(String name) {
        return cookies.getOrDefault(name, "");
    }

    /** Puts a cookie in this client's jar, as a page of another site could plant it. */
    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private Http.Response send(String method, String path, String contentType, String body, String... headers) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (!cookies.isEmpty()) {
            request.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
                    .append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, local, 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Http.Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            String name = head[i].substring(0, colon).trim();
            String value = head[i].substring(colon + 1).trim();
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            if (name.toLowerCase(Locale.ROOT).equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String cookieName = pair.substring(0, eq);
                String cookieValue = pair.substring(eq + 1);
                if (cookieValue.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(cookieName);
                } else {
                    cookies.put(cookieName, cookieValue);
                }
            }
        }
        int status = Integer.parseInt(head[0].split(" ")[1]);
        return new Http.Response(status, headers.containsKey("Content-Type") ? headers.get("Content-Type").get(0) : "", text.substring(end + 4),
                java.net.http.HttpHeaders.of(headers, (a, b) -> true));
    }
}
