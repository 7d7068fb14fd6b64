package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads what applications answer: JSON objects and the values at JSON pointers, compared as text. */
final class JsonText {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonText() {}

    /** The JSON in {@code text}, or {@code null} when it is not JSON. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The value at {@code pointer} as text: strings, numbers and booleans by their value, {@code null} as {@code
     * null}, arrays and objects as compact JSON (so {@code []} and {@code 0} can be expected); {@code null} when the
     * pointer leads nowhere.
     */
    static String at(JsonNode json, String pointer) {
        JsonNode value;
        try {
            value = json.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (value.isMissingNode()) {
            return null;
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    /** A field of an object as text, or {@code null} when absent or JSON {@code null}. */
    static String field(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : value.isContainerNode() ? value.toString() : value.asText();
    }

    /** JSON text in compact form for evidence, or the text as it came when it is not JSON. */
    static String compact(String text) {
        JsonNode json = parse(text);
        return json == null ? text : json.toString();
    }

    /** JSON for a request body. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a request body as JSON", e);
        }
    }
}
