package io.jenkins.plugins.releasepromotion.vars;

import groovy.lang.GString;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Java member a Groovy call reaches, chosen the way script-security's GroovyCallSiteSelector chooses it (1385,
 * lines 147-172 and 224-262): the receiver's supertypes are searched first, so the most general declaration names the
 * signature; an argument matches a parameter it is an instance of, a boxed primitive matches its primitive, a GString
 * matches String, null matches any reference type.
 */
final class CallSites {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class,
            int.class, Integer.class,
            long.class, Long.class,
            double.class, Double.class,
            float.class, Float.class,
            char.class, Character.class,
            byte.class, Byte.class,
            short.class, Short.class);

    private CallSites() {}

    static Method method(Object receiver, String name, Object[] args) {
        for (Class<?> type : types(receiver.getClass())) {
            Method found = declared(type, name, args);
            if (found != null) {
                return found;
            }
        }
        return receiver instanceof GString ? declared(String.class, name, args) : null;
    }

    static Method staticMethod(Class<?> type, String name, Object[] args) {
        return declared(type, name, args);
    }

    static Constructor<?> constructor(Class<?> type, Object[] args) {
        Constructor<?> best = null;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (matches(c, args) && (best == null || moreSpecific(c, best))) {
                best = c;
            }
        }
        return best;
    }

    static Field field(Object receiver, String name) {
        for (Class<?> type : types(receiver.getClass())) {
            for (Field f : type.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    private static Method declared(Class<?> type, String name, Object[] args) {
        Method best = null;
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && matches(m, args) && (best == null || moreSpecific(m, best))) {
                best = m;
            }
        }
        return best;
    }

    private static boolean matches(Executable member, Object[] args) {
        Class<?>[] params = member.getParameterTypes();
        if (params.length != args.length) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            if (!accepts(params[i], args[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(Class<?> param, Object arg) {
        if (arg == null) {
            return !param.isPrimitive();
        }
        if (param.isInstance(arg) || (param == String.class && arg instanceof GString)) {
            return true;
        }
        if (!param.isPrimitive()) {
            return false;
        }
        Class<?> box = BOXES.get(param);
        return box.isInstance(arg) || (box == Long.class && arg instanceof Integer);
    }

    private static boolean moreSpecific(Executable more, Executable less) {
        Class<?>[] a = more.getParameterTypes();
        Class<?>[] b = less.getParameterTypes();
        for (int i = 0; i < a.length; i++) {
            Class<?> x = box(a[i]);
            Class<?> y = box(b[i]);
            if (x.isAssignableFrom(y)) {
                return false;
            }
            if (y.isAssignableFrom(x)) {
                return true;
            }
        }
        return more.toString().compareTo(less.toString()) > 0;
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /** Supertypes first, then the type itself (GroovyCallSiteSelector#visitTypes). */
    static List<Class<?>> types(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        visit(type, seen);
        return new ArrayList<>(seen);
    }

    private static void visit(Class<?> type, Set<Class<?>> seen) {
        if (type.getSuperclass() != null) {
            visit(type.getSuperclass(), seen);
        }
        for (Class<?> i : type.getInterfaces()) {
            visit(i, seen);
        }
        seen.add(type);
    }
}
