package io.jenkins.plugins.releasepromotion.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML mapping, naming every problem by its path. The fields a binder asks for are the known
 * fields; when the binder is done, the fields nobody asked for are reported as unknown.
 */
final class MappingReader {
    private static final String ARGV_HINT =
            "write the command as a list of arguments, e.g. [./scripts/deploy-staging.sh, '{slot}', '{tag}'];"
                    + " commands never run through a shell";

    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private Set<String> allowed;
    private String scope = "";

    private MappingReader(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Binds a mapping ({@code null} when absent or refused: every field reads as absent). */
    static <T> T bind(JsonNode node, String path, Problems problems, Function<MappingReader, T> binder) {
        MappingReader reader = new MappingReader(node, path, problems);
        T result = binder.apply(reader);
        reader.reportUnknownFields();
        return result;
    }

    /** From now on only {@code fields} are known; {@code scope} says why, e.g. " for a health check". */
    void restrict(Collection<String> fields, String scope) {
        this.allowed = Set.copyOf(fields);
        this.scope = scope;
    }

    String text(String name) {
        JsonNode value = value(name);
        if (value != null && !value.isTextual()) {
            problems.invalidValue(path(name), "expected text, got " + Items.describe(value));
            return null;
        }
        return value == null ? null : value.textValue();
    }

    /** A text value turned into {@code T} by a parser that refuses with an {@link IllegalArgumentException}. */
    <T> T parsed(String name, Function<String, T> parser) {
        String text = text(name);
        return text == null ? null : Items.parse(path(name), text, problems, parser);
    }

    /** A whole number in {@code min..max}; 0 when absent or refused, so the record's default applies. */
    int number(String name, int min, int max) {
        Integer number = parsed(name, Scalars::integer);
        if (number != null && (number < min || number > max)) {
            problems.invalidValue(path(name), number + " is out of range; use " + min + " to " + max);
            return 0;
        }
        return number == null ? 0 : number;
    }

    Duration duration(String name) {
        return parsed(name, Durations::parse);
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        return parsed(name, text -> Scalars.choice(type, text));
    }

    List<String> texts(String name) {
        return parsedList(name, "", Function.identity());
    }

    /** A command as an argv list; a single string is refused, because it would need a shell to split it. */
    List<String> argv(String name) {
        return parsedList(name, "; " + ARGV_HINT, Function.identity());
    }

    /** A list of text values, each parsed; {@code null} when absent or when any item is refused. */
    <T> List<T> parsedList(String name, String hint, Function<String, T> parser) {
        JsonNode value = sequence(name, hint);
        return value == null ? null : Items.texts(value, path(name), problems, parser);
    }

    /**
     * A list of {@code {<key>: ..., value: ...}} items read as names to text (request headers, DAG run settings,
     * expected JSON values), e.g. {@code [{name: Accept, value: application/json}]}. A list, never a mapping: Jenkins'
     * Configuration as Code binds no mapping, and the file has the shape Jenkins exports.
     */
    Map<String, String> namedTexts(String name, String key, String example) {
        JsonNode list = sequence(name, "; write one item per entry, e.g. " + example);
        if (list == null) {
            return null;
        }
        String at = path(name);
        List<String[]> pairs = Items.mappings(list, at, problems, r -> new String[] {r.text(key), r.text("value")});
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            String item = Problems.index(at, i);
            String[] pair = pairs.get(i);
            if (pair[0] == null || pair[1] == null) {
                // the value is never repeated: headers and settings are where a secret gets pasted
                problems.add(Problems.child(item, pair[0] == null ? key : "value"), "required; e.g. " + example);
            } else if (entries.putIfAbsent(pair[0], pair[1]) != null) {
                problems.add(
                        Problems.child(item, key), "'" + DisplayText.of(pair[0]) + "' is given twice; give it once");
            }
        }
        return entries;
    }

    <T> T mapping(String name, Function<MappingReader, T> binder) {
        JsonNode value = value(name);
        if (value == null || !expect(name, value.isObject(), value, "a mapping", "")) {
            return null;
        }
        return bind(value, path(name), problems, binder);
    }

    /** A list of mappings; an item that is not a mapping is refused and bound as empty, so indexes stay true. */
    <T> List<T> mappings(String name, Function<MappingReader, T> binder) {
        JsonNode value = sequence(name, "");
        return value == null ? null : Items.mappings(value, path(name), problems, binder);
    }

    private String path(String name) {
        return Problems.child(path, name);
    }

    private JsonNode value(String name) {
        if (allowed != null && !allowed.contains(name)) {
            return null;
        }
        known.add(name);
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode sequence(String name, String hint) {
        JsonNode value = value(name);
        return value == null || !expect(name, value.isArray(), value, "a list", hint) ? null : value;
    }

    private boolean expect(String name, boolean ok, JsonNode value, String what, String hint) {
        if (!ok) {
            problems.invalidValue(path(name), "expected " + what + ", got " + Items.describe(value) + hint);
        }
        return ok;
    }

    private void reportUnknownFields() {
        if (node == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!known.contains(entry.getKey())) {
                problems.invalidValue(
                        Problems.child(path, DisplayText.of(entry.getKey())),
                        UnknownFields.message(entry.getKey(), known, scope));
            }
        }
    }
}
