package io.jenkins.plugins.releasepromotion.steps;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An agent in the same process that behaves like a remote one where it matters here: every callable and every
 * answer goes through Java serialization, so whatever would not cross a real channel fails the test.
 */
final class TestChannel implements VirtualChannel {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException {
        @SuppressWarnings("unchecked")
        Callable<V, T> copy = (Callable<V, T>) roundTrip(callable);
        calls.add(describe(callable));
        V answer = copy.call();
        if (Thread.interrupted()) {
            throw new InterruptedException("the call was stopped");
        }
        @SuppressWarnings("unchecked")
        V back = (V) roundTrip(answer);
        return back;
    }

    static Object roundTrip(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** The callable's class, unwrapped from the workspace's wrapper by its field. */
    private static String describe(Object callable) {
        try {
            var field = callable.getClass().getDeclaredField("callable");
            field.setAccessible(true);
            return field.get(callable).getClass().getSimpleName();
        } catch (ReflectiveOperationException e) {
            return callable.getClass().getSimpleName();
        }
    }
}
