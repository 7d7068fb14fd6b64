package io.jenkins.plugins.releasepromotion.config;

import hudson.model.Describable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The attributes Configuration as Code finds on a class, and the types it has a configurator for, read from
 * configuration-as-code 2117.vc05a_0b_e6b_f4e (the version the Jenkins 2.541.x BOM ships), {@code plugin/src/main/java/
 * io/jenkins/plugins/casc/}. What it skips is not an attribute: YAML that names it is refused as unknown.
 */
final class CascAttributes {

    /** One attribute: its YAML name, its type, how it is read, and how it is set ({@code null}: by the constructor). */
    record Attribute(String name, Type type, Method getter, Method setter) {}

    private CascAttributes() {}

    /**
     * {@code BaseConfigurator.describe} (lines 61-223) and, for a class with a {@code @DataBoundConstructor},
     * {@code DataBoundConfigurator.describe} (lines 277-298): the constructor's parameters, then every public
     * one-argument {@code setX} that has a public {@code getX} (or boolean {@code isX}), sorted by name as
     * {@code Configurator.getAttributes} (lines 139-144) sorts them.
     */
    static Map<String, Attribute> of(Class<?> type) {
        Map<String, Attribute> attributes = new TreeMap<>();
        Constructor<?> constructor = dataBoundConstructor(type);
        if (constructor != null) {
            for (Parameter p : constructor.getParameters()) {
                if (supportedShape(p.getParameterizedType())) {
                    attributes.put(
                            p.getName(),
                            new Attribute(p.getName(), p.getParameterizedType(), getter(type, p.getName()), null));
                }
            }
        }
        for (Method setter : type.getMethods()) {
            if (setter.getParameterCount() != 1 || !setter.getName().startsWith("set") || setter.isBridge()) {
                continue;
            }
            String suffix = setter.getName().substring(3);
            String name = Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
            Method getter = getter(type, name);
            // BaseConfigurator lines 130-134: a setter without a getter is no attribute
            if (getter == null) {
                continue;
            }
            Type attributeType = setter.getGenericParameterTypes()[0];
            // BaseConfigurator lines 174-178: "We decided not to support Maps" - skipped, so the key is unknown
            if (Map.class.isAssignableFrom(raw(attributeType)) || !supportedShape(attributeType)) {
                continue;
            }
            attributes.putIfAbsent(name, new Attribute(name, attributeType, getter, setter));
        }
        return attributes;
    }

    /**
     * {@code BaseConfigurator.createAttribute} (lines 256-290): an abstract element type that is not a
     * {@code Describable} is skipped, since nothing says which implementation to build.
     */
    private static boolean supportedShape(Type type) {
        Class<?> c = isCollection(type) ? raw(element(type)) : raw(type);
        return c.isPrimitive()
                || c.isEnum()
                || !Modifier.isAbstract(c.getModifiers())
                || Describable.class.isAssignableFrom(c);
    }

    /**
     * {@code impl/DefaultConfiguratorRegistry.internalLookup} (lines 86-143): a collection by its element type, a class
     * with a {@code @DataBoundConstructor}, an abstract {@code Describable}, a type Stapler converts from text, an
     * enum; anything else (a {@code Map} among them) has no configurator, and {@code lookupOrFail} (lines 64-69)
     * refuses it: "Cannot find configurator for type".
     */
    static boolean hasConfigurator(Type type) {
        if (isCollection(type)) {
            return type instanceof ParameterizedType && hasConfigurator(element(type));
        }
        Class<?> c = raw(type);
        return dataBoundConstructor(c) != null
                || Modifier.isAbstract(c.getModifiers()) && Describable.class.isAssignableFrom(c)
                || StaplerConverters.canConvert(c);
    }

    /** {@code DataBoundConfigurator.getDataBoundConstructor} (lines 72-80): a public constructor, annotated. */
    static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                return c;
            }
        }
        return null;
    }

    /** {@code BaseConfigurator.findGetter} (lines 228-247). */
    private static Method getter(Class<?> type, String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0
                    && (m.getName().equals("get" + suffix)
                            || m.getName().equals("is" + suffix)
                                    && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class))) {
                return m;
            }
        }
        return null;
    }

    static boolean isCollection(Type type) {
        return Collection.class.isAssignableFrom(raw(type));
    }

    static Type element(Type collection) {
        if (!(collection instanceof ParameterizedType p)) {
            return Object.class;
        }
        Type element = p.getActualTypeArguments()[0];
        return element instanceof WildcardType w ? w.getUpperBounds()[0] : element;
    }

    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    static List<String> names(Class<?> type) {
        return List.copyOf(of(type).keySet());
    }

    static Map<String, Object> copy(Map<String, Object> attributes) {
        return attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
    }
}
