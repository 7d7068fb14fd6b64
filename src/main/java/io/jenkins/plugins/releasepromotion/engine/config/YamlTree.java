package io.jenkins.plugins.releasepromotion.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML text into a tree of mappings, lists, text and nulls. Scalars keep the text as written, so each field
 * reads a number, a time or a duration its own way. Anchors and aliases are refused (nothing expands, so no alias
 * bomb), and so are duplicate keys and a second document.
 */
final class YamlTree {
    private static final int MAX_DEPTH = 32;
    private static final YAMLFactory FACTORY =
            YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private final YAMLParser parser;
    private final Problems problems;
    private int depth;

    private YamlTree(YAMLParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * The document's tree, or {@code null} when it cannot be read at all. Either way the reasons are in
     * {@code problems}; a tree may come with problems too (a duplicate key), so the rest can still be checked.
     */
    static JsonNode read(String yaml, Problems problems) {
        try (YAMLParser parser = FACTORY.createParser(yaml)) {
            if (parser.nextToken() == null) {
                problems.add("", "the document is empty; define at least the environments");
                return null;
            }
            JsonNode root = new YamlTree(parser, problems).value("");
            if (parser.nextToken() != null) {
                problems.add("", "it holds more than one YAML document (---); keep the configuration in one");
            }
            return root;
        } catch (IOException | YAMLException e) {
            problems.add("", describe(e));
            return null;
        }
    }

    private JsonNode value(String path) throws IOException {
        if (parser.isCurrentAlias() || parser.getObjectId() != null) {
            throw new RefusedYaml("line " + parser.currentTokenLocation().getLineNr()
                    + ": YAML anchors and aliases (&name, *name) are not supported; write each value out in full");
        }
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (++depth > MAX_DEPTH) {
                throw new RefusedYaml("line " + parser.currentTokenLocation().getLineNr() + ": nested deeper than "
                        + MAX_DEPTH + " levels; a configuration needs fewer than ten");
            }
            JsonNode node = token == JsonToken.START_OBJECT ? mapping(path) : sequence(path);
            depth--;
            return node;
        }
        if (token == JsonToken.VALUE_NULL) {
            return NullNode.getInstance();
        }
        if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
            problems.invalidValue(path, "binary values are not supported; write text");
            return NullNode.getInstance();
        }
        return TextNode.valueOf(parser.getText());
    }

    private ObjectNode mapping(String path) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String at = Problems.child(path, DisplayText.of(name));
            int line = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            JsonNode value = value(at);
            if (node.has(name)) {
                problems.invalidValue(at, "duplicate field (again on line " + line + "); each field may appear once");
            } else {
                node.set(name, value);
            }
        }
        return node;
    }

    private ArrayNode sequence(String path) throws IOException {
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(Problems.index(path, node.size())));
        }
        return node;
    }

    /**
     * One line for a document that cannot be read: where, and what is wrong. The parser's own message is not used
     * whole, because it quotes the document around the error, and that text may hold a secret.
     */
    private static String describe(Exception e) {
        if (e instanceof RefusedYaml) {
            return e.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return "line " + (marked.getProblemMark().getLine() + 1) + ", column "
                        + (marked.getProblemMark().getColumn() + 1) + ": " + DisplayText.of(marked.getProblem())
                        + "; fix the YAML syntax";
            }
        }
        String message = e instanceof JsonProcessingException jackson ? jackson.getOriginalMessage() : e.getMessage();
        String firstLine = message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
        JsonLocation location = e instanceof JsonProcessingException jackson ? jackson.getLocation() : null;
        String where = location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ": ";
        return where + DisplayText.of(firstLine);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(ConfigLoader.MAX_DOCUMENT_CHARS + 1);
        return options;
    }

    /** YAML that parses but is refused by design. */
    private static final class RefusedYaml extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedYaml(String message) {
            super(message);
        }
    }
}
