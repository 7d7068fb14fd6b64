package io.jenkins.plugins.releasepromotion.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;

/**
 * Binds a YAML tree to the configuration's classes as Configuration as Code 2117.vc05a_0b_e6b_f4e does, and refuses
 * what it refuses: an attribute it skips (a {@code Map}, a setter without a getter) is an unknown key, a type with no
 * configurator fails, a scalar where a list or mapping belongs fails. Line numbers are of {@code plugin/src/main/java/
 * io/jenkins/plugins/casc/} at that tag.
 */
final class CascShapedBinder {
    private static final List<Class<? extends Deploy>> DEPLOYS = List.of(ScriptDeploy.class, SshDeploy.class);

    private CascShapedBinder() {}

    /** {@code DescriptorConfigurator}: the global configuration is configured in place through its attributes. */
    static void configure(Object target, Map<String, Object> attributes, String path) throws Exception {
        setAttributes(target, CascAttributes.copy(attributes), path);
    }

    static Object convert(Object value, Type type, String path) throws Exception {
        if (value == null) {
            return null;
        }
        // DefaultConfiguratorRegistry.lookupOrFail, lines 64-69
        if (!CascAttributes.hasConfigurator(type)) {
            throw new IllegalArgumentException(path + ": Cannot find configurator for type " + type);
        }
        Class<?> raw = CascAttributes.raw(type);
        if (CascAttributes.isCollection(type)) {
            // BaseConfigurator.configure line 457: sub.asSequence(); model/CNode lines 24-26
            if (!(value instanceof List<?> items)) {
                throw new IllegalArgumentException(path + ": Item isn't a Sequence");
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(convert(items.get(i), CascAttributes.element(type), path + "[" + i + "]"));
            }
            return out;
        }
        if (StaplerConverters.canConvert(raw)) {
            // impl/configurators/PrimitiveConfigurator.configure, lines 43-49: a scalar through Stapler's converter
            if (value instanceof Map || value instanceof List) {
                throw new IllegalArgumentException(path + ": Item isn't a Scalar");
            }
            return StaplerConverters.convert(value.toString(), raw);
        }
        if (Modifier.isAbstract(raw.getModifiers())) {
            return heterogeneous(value, path);
        }
        return bind(raw, mapping(value, path), path);
    }

    /**
     * {@code impl/configurators/HeteroDescribableConfigurator.preConfigure}, lines 280-310: a bare symbol, or a mapping
     * of exactly one symbol to the attributes.
     */
    @SuppressWarnings("unchecked")
    private static Object heterogeneous(Object value, String path) throws Exception {
        if (!(value instanceof Map<?, ?> single)) {
            return bind(bySymbol(value.toString(), path), Map.of(), path);
        }
        if (single.size() != 1) {
            throw new IllegalArgumentException(path + ": Single entry map expected, found " + single.keySet());
        }
        Map.Entry<String, Object> entry =
                ((Map<String, Object>) single).entrySet().iterator().next();
        return bind(bySymbol(entry.getKey(), path), mapping(entry.getValue(), path), path + "." + entry.getKey());
    }

    /**
     * {@code impl/configurators/DataBoundConfigurator.tryConstructor}, lines 120-231: the constructor's arguments by
     * name (absent ones are {@code null}), their keys consumed; then the attributes, as for any configurator.
     */
    static Object bind(Class<?> type, Map<String, Object> attributes, String path) throws Exception {
        Map<String, Object> rest = CascAttributes.copy(attributes);
        Constructor<?> constructor = CascAttributes.dataBoundConstructor(type);
        if (constructor == null) {
            throw new IllegalArgumentException(path + ": " + type.getName() + " is missing a @DataBoundConstructor");
        }
        List<Object> args = new ArrayList<>();
        for (Parameter p : constructor.getParameters()) {
            args.add(convert(rest.get(p.getName()), p.getParameterizedType(), path + "." + p.getName()));
        }
        Object instance = constructor.newInstance(args.toArray());
        for (Parameter p : constructor.getParameters()) {
            rest.remove(p.getName());
        }
        setAttributes(instance, rest, path);
        return instance;
    }

    /**
     * {@code BaseConfigurator.configure}, lines 407-492: each attribute takes its key (matched ignoring case, lines
     * 528-535); {@code handleUnknown} (lines 494-513) refuses any key left, since the context's default is
     * {@code Unknown.reject} ({@code ConfigurationContext} line 26).
     */
    private static void setAttributes(Object target, Map<String, Object> rest, String path) throws Exception {
        Map<String, CascAttributes.Attribute> attributes = CascAttributes.of(target.getClass());
        for (CascAttributes.Attribute attribute : attributes.values()) {
            Object value = removeIgnoreCase(rest, attribute.name());
            if (value != null && attribute.setter() != null) {
                attribute.setter().invoke(target, convert(value, attribute.type(), path + "." + attribute.name()));
            }
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException(path + ": Invalid configuration elements for type: " + target.getClass()
                    + " : " + String.join(",", rest.keySet()) + ". Available attributes : "
                    + String.join(", ", attributes.keySet()));
        }
    }

    private static Object removeIgnoreCase(Map<String, Object> map, String name) {
        for (Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                it.remove();
                return e.getValue();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value, String path) {
        // model/CNode lines 20-22
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(path + ": Item isn't a Mapping");
        }
        return (Map<String, Object>) value;
    }

    /** The symbols are the descriptors' {@code @Symbol} ({@code impl/attributes/DescribableAttribute.getSymbols}). */
    static Class<?> bySymbol(String symbol, String path) {
        for (Class<? extends Deploy> type : DEPLOYS) {
            if (symbol(type).equals(symbol)) {
                return type;
            }
        }
        throw new IllegalArgumentException(path + ": no deploy method with the symbol " + symbol);
    }

    static String symbol(Class<?> type) {
        for (Class<?> nested : type.getClasses()) {
            Symbol s = nested.getAnnotation(Symbol.class);
            if (s != null) {
                return s.value()[0];
            }
        }
        throw new IllegalArgumentException(type + " has no descriptor with a @Symbol");
    }

    /** Every attribute Configuration as Code offers for a class. */
    static Set<String> attributes(Class<?> type) {
        return CascAttributes.of(type).keySet();
    }
}
