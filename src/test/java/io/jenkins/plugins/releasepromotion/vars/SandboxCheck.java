package io.jenkins.plugins.releasepromotion.vars;

import groovy.lang.Script;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.codehaus.groovy.runtime.DefaultGroovyMethods;
import org.codehaus.groovy.runtime.GStringImpl;
import org.codehaus.groovy.runtime.MetaClassHelper;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;
import org.codehaus.groovy.runtime.StringGroovyMethods;
import org.kohsuke.groovy.sandbox.GroovyInterceptor;

/**
 * The script-security sandbox over the harness: scripts compiled with groovy-sandbox's SandboxTransformer route every
 * call, property, constructor and index through this interceptor, which decides as script-security's
 * SandboxInterceptor (1385) does and fails the test with the signature an administrator would have to approve.
 * Steps and vars pass as {@code invokeMethod} on the script, as in Pipeline.
 */
final class SandboxCheck extends GroovyInterceptor {
    /** The GDK classes looked up for a method the receiver lacks (SandboxInterceptor.DGM_CLASSES, those we use). */
    private static final List<Class<?>> GDK = List.of(DefaultGroovyMethods.class, StringGroovyMethods.class);

    /** Number arithmetic Groovy implements without a Java method (SandboxInterceptor.NUMBER_MATH_NAMES). */
    private static final Set<String> NUMBER_MATH = Set.of(
            "plus",
            "minus",
            "multiply",
            "div",
            "compareTo",
            "or",
            "and",
            "xor",
            "intdiv",
            "mod",
            "leftShift",
            "rightShift",
            "rightShiftUnsigned");

    private final PipelineHarness harness;
    private final SandboxLists lists = new SandboxLists();
    private final Set<String> scriptProperties;

    /**
     * @param scriptProperties what the script may read as its own properties besides Pipeline's global variables: the
     *     vars, and {@code none} and {@code any}, which Declarative reads when it parses {@code agent}
     */
    SandboxCheck(PipelineHarness harness, Set<String> scriptProperties) {
        this.harness = harness;
        this.scriptProperties = scriptProperties;
    }

    /** The check for the library under {@code root}: its vars may be read as the script's properties. */
    static SandboxCheck of(PipelineHarness harness, Path root) {
        Set<String> scriptProperties = new HashSet<>(Set.of("none", "any"));
        try (Stream<Path> files = Files.list(root.resolve("vars"))) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".groovy"))
                    .forEach(f -> scriptProperties.add(f.substring(0, f.length() - ".groovy".length())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new SandboxCheck(harness, scriptProperties);
    }

    @Override
    public Object onMethodCall(Invoker invoker, Object receiver, String method, Object... args) throws Throwable {
        Method m = CallSites.method(receiver, method, args);
        if (m != null) {
            boolean onScript = receiver instanceof Script && lists.permitsOnScript(m, args, scriptProperties);
            require(m, onScript || lists.permits(m));
            return super.onMethodCall(invoker, receiver, method, args);
        }
        if (receiver instanceof Number && NUMBER_MATH.contains(method)) {
            return super.onMethodCall(invoker, receiver, method, args);
        }
        Object[] self = prepend(receiver, args);
        Method gdk = null;
        for (Class<?> type : GDK) {
            Method found = CallSites.staticMethod(type, method, self);
            if (found != null && lists.permits(found)) {
                return super.onMethodCall(invoker, receiver, method, args);
            }
            gdk = gdk == null ? found : gdk;
        }
        if (gdk != null) {
            throw harness.violation(lists.rejection(gdk));
        }
        if (hasInvokeMethod(receiver)) {
            // A step, a var or a method the object answers itself: Groovy's catch-all, checked as such.
            return onMethodCall(invoker, receiver, "invokeMethod", method, args);
        }
        return super.onMethodCall(invoker, receiver, method, args);
    }

    @Override
    public Object onStaticCall(Invoker invoker, Class receiver, String method, Object... args) throws Throwable {
        if (receiver == ScriptBytecodeAdapter.class && method.equals("asType")) {
            // How CPS-transformed code casts and builds a GString: CpsWhitelist#permitsStaticMethod allows it
            // (workflow-cps e007b7ff, line 94).
            return super.onStaticCall(invoker, receiver, method, args);
        }
        Method m = CallSites.staticMethod(receiver, method, args);
        if (m == null) {
            throw harness.violation("No such static method found: staticMethod " + receiver.getName() + " " + method);
        }
        require(m, lists.permits(m));
        return super.onStaticCall(invoker, receiver, method, args);
    }

    @Override
    public Object onNewInstance(Invoker invoker, Class receiver, Object... args) throws Throwable {
        if (receiver == GStringImpl.class) {
            // How CPS-transformed code builds "${...}": CpsWhitelist#permitsConstructor allows it.
            return super.onNewInstance(invoker, receiver, args);
        }
        Constructor<?> c = CallSites.constructor(receiver, args);
        if (c == null) {
            throw harness.violation("No such constructor found: new " + receiver.getName());
        }
        require(c, lists.permits(c));
        return super.onNewInstance(invoker, receiver, args);
    }

    @Override
    public Object onGetProperty(Invoker invoker, Object receiver, String property) throws Throwable {
        if (receiver instanceof Script script && script.getBinding().hasVariable(property)) {
            return super.onGetProperty(invoker, receiver, property);
        }
        String name = MetaClassHelper.capitalize(property);
        Member refused = null;
        for (Member candidate : new Member[] {
            CallSites.method(receiver, "get" + name, new Object[0]),
            booleanGetter(receiver, "is" + name),
            gdk("get" + name, receiver),
            CallSites.field(receiver, property)
        }) {
            if (candidate != null && lists.permits(candidate)) {
                return super.onGetProperty(invoker, receiver, property);
            }
            refused = refused == null ? candidate : refused;
        }
        Method getProperty = CallSites.method(receiver, "getProperty", new Object[] {property});
        if (getProperty != null) {
            boolean onScript = receiver instanceof Script
                    && lists.permitsOnScript(getProperty, new Object[] {property}, scriptProperties);
            if (onScript || lists.permits(getProperty)) {
                return super.onGetProperty(invoker, receiver, property);
            }
            if (refused == null) {
                // SandboxInterceptor#onGetProperty names the property too.
                throw harness.violation(lists.rejection(getProperty) + " ("
                        + receiver.getClass().getName() + "." + property + ")");
            }
        }
        throw harness.violation(
                refused == null
                        ? "No such field found: field " + SandboxLists.name(receiver.getClass()) + " " + property
                        : lists.rejection(refused));
    }

    @Override
    public Object onSetProperty(Invoker invoker, Object receiver, String property, Object value) throws Throwable {
        if (receiver instanceof Script && !property.equals("binding") && !property.equals("metaClass")) {
            return super.onSetProperty(invoker, receiver, property, value);
        }
        Member setter = CallSites.method(receiver, "set" + MetaClassHelper.capitalize(property), new Object[] {value});
        Member member = setter != null ? setter : CallSites.field(receiver, property);
        if (member == null) {
            throw harness.violation(
                    "No such field found: field " + SandboxLists.name(receiver.getClass()) + " " + property);
        }
        require(member, lists.permits(member));
        return super.onSetProperty(invoker, receiver, property, value);
    }

    @Override
    public Object onGetArray(Invoker invoker, Object receiver, Object index) throws Throwable {
        if (receiver.getClass().isArray() && index instanceof Integer) {
            return super.onGetArray(invoker, receiver, index);
        }
        Member getAt = CallSites.method(receiver, "getAt", new Object[] {index});
        getAt = getAt != null ? getAt : gdk("getAt", receiver, index);
        if (getAt == null) {
            throw harness.violation("No such getAt method found: " + SandboxLists.name(receiver.getClass()));
        }
        require(getAt, lists.permits(getAt));
        return super.onGetArray(invoker, receiver, index);
    }

    @Override
    public Object onSetArray(Invoker invoker, Object receiver, Object index, Object value) throws Throwable {
        Member putAt = CallSites.method(receiver, "putAt", new Object[] {index, value});
        putAt = putAt != null ? putAt : gdk("putAt", receiver, index, value);
        if (putAt == null) {
            throw harness.violation("No such putAt method found: " + SandboxLists.name(receiver.getClass()));
        }
        require(putAt, lists.permits(putAt));
        return super.onSetArray(invoker, receiver, index, value);
    }

    @Override
    public Object onGetAttribute(Invoker invoker, Object receiver, String attribute) throws Throwable {
        require(field(receiver, attribute), lists.permits(field(receiver, attribute)));
        return super.onGetAttribute(invoker, receiver, attribute);
    }

    @Override
    public Object onSetAttribute(Invoker invoker, Object receiver, String attribute, Object value) throws Throwable {
        require(field(receiver, attribute), lists.permits(field(receiver, attribute)));
        return super.onSetAttribute(invoker, receiver, attribute, value);
    }

    private Field field(Object receiver, String name) {
        Field field = CallSites.field(receiver, name);
        if (field == null) {
            throw harness.violation(
                    "No such field found: field " + SandboxLists.name(receiver.getClass()) + " " + name);
        }
        return field;
    }

    private void require(Member member, boolean permitted) {
        if (!permitted) {
            throw harness.violation(lists.rejection(member));
        }
    }

    private static Method booleanGetter(Object receiver, String name) {
        Method m = CallSites.method(receiver, name, new Object[0]);
        return m != null && m.getReturnType() == boolean.class ? m : null;
    }

    private static Method gdk(String method, Object... self) {
        for (Class<?> type : GDK) {
            Method found = CallSites.staticMethod(type, method, self);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean hasInvokeMethod(Object receiver) {
        try {
            receiver.getClass().getMethod("invokeMethod", String.class, Object.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
