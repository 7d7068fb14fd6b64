package io.jenkins.plugins.releasepromotion.engine.port;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values in play for one operation, so every line and message can be masked before anyone sees it. A
 * secret is also masked in the forms it travels in: Base64 (basic auth) and URL-encoded.
 */
public final class Secrets {
    public static final String MASK = "****";
    private static final int MIN_LENGTH = 3;

    private final List<String> values;

    private Secrets(Set<String> values) {
        this.values = values.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static Secrets none() {
        return new Secrets(Set.of());
    }

    /** Adds a secret; values shorter than three characters are not masked, as they would mask ordinary text. */
    public Secrets with(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            return this;
        }
        Set<String> more = new LinkedHashSet<>(values);
        more.add(secret);
        more.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        more.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        return new Secrets(more);
    }

    /** Adds the Base64 form of {@code user:password}, as an HTTP basic authorization header carries it. */
    public Secrets withBasicAuth(String user, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return this;
        }
        String pair = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return with(password).with(pair);
    }

    public Secrets with(Secrets other) {
        Set<String> more = new LinkedHashSet<>(values);
        more.addAll(other.values);
        return new Secrets(more);
    }

    /** The text with every secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : values) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Never the values themselves. */
    @Override
    public String toString() {
        return "Secrets[" + values.size() + " masked]";
    }
}
