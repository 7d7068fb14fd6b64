package io.jenkins.plugins.releasepromotion.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the items of a YAML list, each problem named by the item's index. A refused item never shifts the indexes
 * the rules see afterwards: a list with a refused text item is dropped whole, a refused mapping is bound as empty.
 */
final class Items {

    private Items() {}

    /** Text items, each parsed; {@code null} when any item is refused. */
    static <T> List<T> texts(JsonNode list, String path, Problems problems, Function<String, T> parser) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = Problems.index(path, i);
            JsonNode item = list.get(i);
            if (item.isTextual()) {
                items.add(parse(at, item.textValue(), problems, parser));
            } else {
                problems.invalidValue(at, "expected text, got " + describe(item));
                items.add(null);
            }
        }
        if (items.contains(null)) {
            problems.markInvalid(path);
            return null;
        }
        return items;
    }

    static <T> List<T> mappings(JsonNode list, String path, Problems problems, Function<MappingReader, T> binder) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = Problems.index(path, i);
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                problems.invalidValue(at, "expected a mapping, got " + describe(item));
            }
            items.add(MappingReader.bind(item.isObject() ? item : null, at, problems, binder));
        }
        return items;
    }

    /** Runs a parser that refuses with an {@link IllegalArgumentException}; {@code null} when it refuses. */
    static <T> T parse(String path, String text, Problems problems, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.invalidValue(path, e.getMessage());
            return null;
        }
    }

    static String describe(JsonNode value) {
        if (value.isNull()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return value.isArray() ? "a list" : "'" + DisplayText.of(value.asText()) + "'";
    }
}
