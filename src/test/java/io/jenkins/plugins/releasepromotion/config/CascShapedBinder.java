package io.jenkins.plugins.releasepromotion.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Binds a YAML tree to the configuration's classes the way Configuration as Code does: constructor arguments by
 * name, then setters; lists from the setter's generic type; an abstract field as a one-key mapping of a symbol to
 * its attributes; an unknown attribute is an error.
 */
final class CascShapedBinder {
    private static final List<Class<? extends Deploy>> DEPLOYS = List.of(ScriptDeploy.class, SshDeploy.class);

    private CascShapedBinder() {}

    /** Applies the attributes to the global configuration through its public setters. */
    static void configure(ReleasePromotionConfiguration target, Map<String, Object> attributes) throws Exception {
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Method setter = setter(ReleasePromotionConfiguration.class, e.getKey(), false);
            setter.invoke(target, convert(e.getValue(), setter.getGenericParameterTypes()[0], e.getKey()));
        }
    }

    @SuppressWarnings("unchecked")
    static Object convert(Object value, Type type, String path) throws Exception {
        if (value == null) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return value.toString();
        }
        if (raw == Integer.class || raw == int.class) {
            return Integer.valueOf(value.toString());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Boolean.valueOf(value.toString());
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Object item : (List<Object>) value) {
                out.add(convert(item, element, path + "[" + i++ + "]"));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, String> out = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
            return out;
        }
        if (Modifier.isAbstract(raw.getModifiers())) {
            Map<String, Object> single = (Map<String, Object>) value;
            if (single.size() != 1) {
                throw new IllegalArgumentException(path + ": one symbol expected, got " + single.keySet());
            }
            String symbol = single.keySet().iterator().next();
            return bind(bySymbol(symbol, path), (Map<String, Object>) single.get(symbol), path + "." + symbol);
        }
        return bind(raw, (Map<String, Object>) value, path);
    }

    static Object bind(Class<?> type, Map<String, Object> attributes, String path) throws Exception {
        Map<String, Object> rest = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
        Constructor<?> constructor = constructor(type);
        List<Object> args = new ArrayList<>();
        for (Parameter p : constructor.getParameters()) {
            args.add(convert(rest.remove(p.getName()), p.getParameterizedType(), path + "." + p.getName()));
        }
        Object instance = constructor.newInstance(args.toArray());
        for (Map.Entry<String, Object> e : rest.entrySet()) {
            Method setter = setter(type, e.getKey(), true);
            setter.invoke(
                    instance, convert(e.getValue(), setter.getGenericParameterTypes()[0], path + "." + e.getKey()));
        }
        return instance;
    }

    /** Every attribute Configuration as Code offers for a class: constructor parameters and data-bound setters. */
    static Set<String> attributes(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        if (type != ReleasePromotionConfiguration.class) {
            for (Parameter p : constructor(type).getParameters()) {
                names.add(p.getName());
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3))
                        + m.getName().substring(4));
            }
        }
        return names;
    }

    private static Constructor<?> constructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                return c;
            }
        }
        throw new IllegalArgumentException(type + " has no @DataBoundConstructor");
    }

    private static Method setter(Class<?> type, String name, boolean dataBound) {
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(setter)
                    && m.getParameterCount() == 1
                    && (!dataBound || m.isAnnotationPresent(DataBoundSetter.class))) {
                return m;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no attribute " + name);
    }

    private static Class<?> bySymbol(String symbol, String path) {
        for (Class<? extends Deploy> type : DEPLOYS) {
            for (Class<?> nested : type.getClasses()) {
                Symbol s = nested.getAnnotation(Symbol.class);
                if (s != null && List.of(s.value()).contains(symbol)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException(path + ": no deploy method with the symbol " + symbol);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
