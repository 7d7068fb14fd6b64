package io.jenkins.plugins.releasepromotion.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Routes and JSON answers on the JDK's HTTP server. */
final class Exchanges {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Request bodies larger than this are refused; the app only ever reads small login bodies. */
    private static final int MAX_BODY = 64 * 1024;

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private Exchanges() {}

    /** Serves exactly {@code path} with {@code method}; other paths under it are 404, other methods 405. */
    static void route(HttpServer server, String method, String path, Handler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    send(exchange, 404, Map.of("error", "not found"));
                } else if (!exchange.getRequestMethod().equals(method)) {
                    exchange.getResponseHeaders().set("Allow", method);
                    send(exchange, 405, Map.of("error", "use " + method));
                } else {
                    handler.handle(exchange);
                }
            }
        });
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendRaw(exchange, status, JSON.writeValueAsBytes(body));
    }

    static void sendRaw(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The request body as text, or {@code null} when it is larger than the app accepts. */
    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
