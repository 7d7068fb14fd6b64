package io.jenkins.plugins.releasepromotion.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key user flows: {@code POST /api/login} (a JSON body {@code {"username", "password"}} or basic
 * authentication) answers a bearer token; {@code /api/dashboard} and {@code /api/campaigns} want that token, or the
 * same basic authentication, as a flows check with a username/password credential sends it.
 */
final class AccountEndpoints {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SampleConfig config;
    private final String token;

    AccountEndpoints(SampleConfig config) {
        this.config = config;
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    void register(HttpServer server) {
        Exchanges.route(server, "POST", "/api/login", this::login);
        Exchanges.route(server, "GET", "/api/dashboard", exchange -> ifAuthorized(exchange, dashboard()));
        Exchanges.route(server, "GET", "/api/campaigns", exchange -> ifAuthorized(exchange, campaigns()));
    }

    private void login(HttpExchange exchange) throws IOException {
        Optional<Login> login = basic(exchange);
        if (login.isEmpty()) {
            login = fromBody(Exchanges.body(exchange));
        }
        if (login.filter(this::matches).isPresent()) {
            Exchanges.send(exchange, 200, Map.of("user", Map.of("name", config.username()), "token", token));
        } else {
            Exchanges.send(exchange, 401, Map.of("error", "invalid username or password"));
        }
    }

    private void ifAuthorized(HttpExchange exchange, Map<String, Object> body) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        boolean bearer = header != null && header.startsWith("Bearer ") && same(header.substring(7), token);
        if (bearer || basic(exchange).filter(this::matches).isPresent()) {
            Exchanges.send(exchange, 200, body);
        } else {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            Exchanges.send(exchange, 401, Map.of("error", "log in first"));
        }
    }

    private Map<String, Object> dashboard() {
        return Map.of(
                "user", Map.of("name", config.username()), "widgets", List.of("applications", "interviews", "offers"));
    }

    private static Map<String, Object> campaigns() {
        return Map.of(
                "campaigns",
                List.of(
                        Map.of("id", 1, "name", "Backend roles, Berlin", "status", "active"),
                        Map.of("id", 2, "name", "Remote data engineering", "status", "paused")));
    }

    private static Optional<Login> basic(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new Login(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Login> fromBody(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = Exchanges.JSON.readTree(body);
            return Optional.of(new Login(
                    json.path("username").asText(), json.path("password").asText()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private boolean matches(Login login) {
        boolean user = same(login.username(), config.username());
        boolean password = same(login.password(), config.password());
        return user && password;
    }

    private record Login(String username, String password) {}

    /** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
