package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.ObjectStreamException;
import java.io.PrintStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A build log. Like Jenkins' own listener, a copy sent to the agent writes into the same log: here the copy resolves
 * back to the original by its ID.
 */
final class TestListener implements TaskListener {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Map<String, TestListener> OPEN = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    TestListener() {
        OPEN.put(id, this);
    }

    @Override
    public PrintStream getLogger() {
        return out;
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
        return OPEN.get(id);
    }
}
