package io.jenkins.plugins.releasepromotion.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the YAML tree of the configuration (mappings, lists, text), leaving out what is not set, so the engine reads
 * the Jenkins configuration exactly as it reads the command line's file.
 */
final class Tree {
    private final Map<String, Object> map = new LinkedHashMap<>();

    Tree put(String key, Object value) {
        if (value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()) {
            return this;
        }
        map.put(key, value instanceof Number || value instanceof Boolean ? value.toString() : value);
        return this;
    }

    Tree put(String key, Tree child) {
        return child == null ? this : put(key, child.map);
    }

    Tree putAll(String key, List<? extends Node> children) {
        if (children == null || children.isEmpty()) {
            return this;
        }
        List<Object> items = new ArrayList<>();
        children.forEach(c -> items.add(c.toTree().map));
        return put(key, items);
    }

    Map<String, Object> map() {
        return map;
    }

    /** A part of the configuration that knows its YAML shape. */
    interface Node {
        Tree toTree();
    }
}
