package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.config.StaplerConverters;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A form submission bound to a step as Stapler binds it ({@code org.kohsuke.stapler.RequestImpl}, stapler
 * 2050.v425108fd5089): the {@code @DataBoundConstructor}'s arguments by name, then each other field through its public
 * {@code @DataBoundSetter} (lines 979-1083, 1103-1123), every text value turned into the parameter's type by
 * Stapler's converters ({@code TypePair.convertJSON}, lines 779-953: a missing value is the type's VM default, text
 * goes through {@code Stapler.lookupConverter}).
 */
final class StaplerFormRequest implements StaplerRequest2 {

    @Override
    public void bindJSON(Object bean, JSONObject src) {
        throw new UnsupportedOperationException("steps are bound with bindJSON(Class, JSONObject)");
    }

    @Override
    public <T> T bindJSON(Class<T> type, JSONObject src) {
        try {
            Constructor<?> constructor = constructor(type);
            Parameter[] parameters = constructor.getParameters();
            Object[] args = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                args[i] = convert(src.get(parameters[i].getName()), parameters[i].getType());
            }
            T bean = type.cast(constructor.newInstance(args));
            for (String key : src.keySet()) {
                Method setter = setter(type, key);
                if (setter != null && !isConstructorParameter(parameters, key)) {
                    setter.invoke(bean, convert(src.get(key), setter.getParameterTypes()[0]));
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Object convert(Object value, Class<?> type) {
        if (value == null) {
            // ReflectionUtils.getVmDefaultValueFor: false for boolean, null for Boolean
            return type == boolean.class ? Boolean.FALSE : type == int.class ? Integer.valueOf(0) : null;
        }
        return StaplerConverters.convert(value, type);
    }

    private static Constructor<?> constructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                return c;
            }
        }
        throw new IllegalArgumentException(type + " has no @DataBoundConstructor");
    }

    private static Method setter(Class<?> type, String name) {
        String wanted = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(wanted)
                    && m.getParameterCount() == 1
                    && Modifier.isPublic(m.getModifiers())
                    && m.isAnnotationPresent(DataBoundSetter.class)) {
                return m;
            }
        }
        return null;
    }

    private static boolean isConstructorParameter(Parameter[] parameters, String name) {
        for (Parameter p : parameters) {
            if (p.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
