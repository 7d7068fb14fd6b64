package io.jenkins.plugins.releasepromotion.config;

import hudson.model.Describable;
import java.util.Map;

/** How a tag gets onto an environment: {@code script} or {@code ssh}, each with its own symbol. */
public abstract class Deploy implements Describable<Deploy>, Tree.Node {

    /** The key the YAML shape nests the fields under, the same as the descriptor's symbol. */
    abstract String symbol();

    /** {@code {script: {...}}} or {@code {ssh: {...}}}, as the engine's configuration reads it. */
    final Map<String, Object> deployTree() {
        return new Tree().put(symbol(), toTree()).map();
    }
}
