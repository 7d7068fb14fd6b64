package io.jenkins.plugins.releasepromotion.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports the configuration's objects as Configuration as Code 2117.vc05a_0b_e6b_f4e exports them (its "View
 * Configuration" page and export): the YAML an admin copies out of a running Jenkins. Line numbers are of
 * {@code plugin/src/main/java/io/jenkins/plugins/casc/} at that tag.
 */
final class CascShapedExporter {

    private CascShapedExporter() {}

    /** {@code Configurator.describe} (lines 179-189), used for a descriptor: every attribute that has a value. */
    static Map<String, Object> global(Object descriptor) throws Exception {
        Map<String, Object> mapping = new LinkedHashMap<>();
        for (CascAttributes.Attribute attribute :
                CascAttributes.of(descriptor.getClass()).values()) {
            Object value = describe(attribute.getter().invoke(descriptor), attribute.type());
            if (value != null) {
                mapping.put(attribute.name(), value);
            }
        }
        return mapping;
    }

    /** {@code Attribute.describe} (lines 241-276) and the configurators' {@code describe}. */
    static Object describe(Object value, Type type) throws Exception {
        if (value == null) {
            return null;
        }
        if (CascAttributes.isCollection(type)) {
            List<Object> sequence = new ArrayList<>();
            for (Object item : (Collection<?>) value) {
                sequence.add(describe(item, CascAttributes.element(type)));
            }
            return sequence;
        }
        Class<?> raw = CascAttributes.raw(type);
        if (StaplerConverters.canConvert(raw)) {
            // impl/configurators/PrimitiveConfigurator.describe, lines 58-79
            return value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
        }
        if (Modifier.isAbstract(raw.getModifiers())) {
            // impl/configurators/HeteroDescribableConfigurator.describe, lines 105-120
            String symbol = CascShapedBinder.symbol(value.getClass());
            Map<String, Object> attributes = dataBound(value);
            return attributes.isEmpty() ? symbol : Map.of(symbol, attributes);
        }
        return dataBound(value);
    }

    /**
     * {@code impl/configurators/DataBoundConfigurator.describe} (lines 300-352): an object built from the constructor's
     * arguments alone is the reference; the attributes that differ from it ({@code BaseConfigurator.compare}, lines
     * 516-526), then the constructor's arguments that are set.
     */
    private static Map<String, Object> dataBound(Object instance) throws Exception {
        Map<String, CascAttributes.Attribute> attributes = CascAttributes.of(instance.getClass());
        Constructor<?> constructor = CascAttributes.dataBoundConstructor(instance.getClass());
        Parameter[] parameters = constructor.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            CascAttributes.Attribute a = attributes.get(parameters[i].getName());
            Object value = a == null ? null : a.getter().invoke(instance);
            if (value != null) {
                // lines 320-330: converted to the attribute's type (a list's item type) by Stapler's converters, so
                // a list of text becomes its first item, and is wrapped in a list again
                boolean multiple = CascAttributes.isCollection(a.type());
                Type itemType = multiple ? CascAttributes.element(a.type()) : a.type();
                Object converted = StaplerConverters.convertObject(value, CascAttributes.raw(itemType));
                args[i] = converted instanceof Collection || !multiple ? converted : List.of(converted);
            }
        }
        Object reference = constructor.newInstance(args);
        Map<String, Object> mapping = new LinkedHashMap<>();
        for (CascAttributes.Attribute attribute : attributes.values()) {
            Object value = attribute.getter().invoke(instance);
            if (!same(value, attribute.getter().invoke(reference))) {
                Object node = describe(value, attribute.type());
                if (node != null) {
                    mapping.put(attribute.name(), node);
                }
            }
        }
        for (int i = 0; i < parameters.length; i++) {
            CascAttributes.Attribute a = attributes.get(parameters[i].getName());
            if (args[i] != null) {
                // line 348: the attribute's own value, not the converted argument
                mapping.put(a.name(), describe(a.getter().invoke(instance), a.type()));
            }
        }
        return mapping;
    }

    /**
     * {@code Attribute.equals} (lines 343-355): collections compare as bags of equal items
     * ({@code CollectionUtils.isEqualCollection}); describables without {@code equals} are never the same.
     */
    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            return counts(x).equals(counts(y));
        }
        return a.equals(b);
    }

    private static Map<Object, Integer> counts(Collection<?> items) {
        Map<Object, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return counts;
    }
}
