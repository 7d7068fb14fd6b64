package io.jenkins.plugins.releasepromotion.steps;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An agent in the same process that behaves like a remote one where it matters here: every callable and every
 * answer goes through Java serialization, so whatever would not cross a real channel fails the test.
 */
final class TestChannel implements VirtualChannel {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Files of the agent's own: they exist only while work sent to the agent runs, as the controller can't see them. */
    final Map<Path, String> agentFiles = new ConcurrentHashMap<>();

    @Override
    public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException {
        @SuppressWarnings("unchecked")
        Callable<V, T> copy = (Callable<V, T>) roundTrip(callable);
        calls.add(describe(callable));
        V answer;
        try {
            for (Map.Entry<Path, String> file : agentFiles.entrySet()) {
                Files.writeString(file.getKey(), file.getValue());
            }
            answer = copy.call();
        } finally {
            for (Path file : agentFiles.keySet()) {
                Files.deleteIfExists(file);
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("the call was stopped");
        }
        @SuppressWarnings("unchecked")
        V back = (V) roundTrip(answer);
        return back;
    }

    /**
     * As a real channel exports an object: the other side gets a proxy whose calls come back here, arguments and
     * answers serialized on the way.
     */
    @Override
    public <T> T export(Class<T> type, T instance) {
        String id = UUID.randomUUID().toString();
        EXPORTED.put(id, new Target(instance, calls));
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Exported(id)));
    }

    private static final Map<String, Target> EXPORTED = new ConcurrentHashMap<>();

    private record Target(Object instance, List<String> calls) {}

    private static final class Exported implements InvocationHandler, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String id;

        Exported(String id) {
            this.id = id;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Target target = EXPORTED.get(id);
            target.calls().add("back:" + method.getDeclaringClass().getSimpleName() + "." + method.getName());
            Object[] copies = args == null ? null : (Object[]) roundTrip(args);
            try {
                return roundTrip(method.invoke(target.instance(), copies));
            } catch (InvocationTargetException e) {
                throw (Throwable) roundTrip(e.getCause());
            }
        }
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
