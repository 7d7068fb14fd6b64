package io.jenkins.plugins.releasepromotion.vars;

import groovy.lang.GroovyClassLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a sandboxed Pipeline may call without an administrator's approval: the lists of script-security 1385 and
 * workflow-support (src/test/resources/script-security), read as script-security's StaticWhitelist reads them, plus
 * the two rules Pipeline adds in code:
 * <ul>
 *   <li>org.jenkinsci.plugins.scriptsecurity.sandbox.groovy.ClassLoaderWhitelist: every member of a class the script
 *       itself defines (its methods, a var's methods, a class written in the script) is allowed;
 *   <li>org.jenkinsci.plugins.workflow.cps.CpsWhitelist#permitsMethod (workflow-cps e007b7ff, lines 43-73): on the
 *       script, {@code invokeMethod} (a step or a global variable's {@code call}) and {@code getProperty} of a global
 *       variable are allowed.
 * </ul>
 * A signature names the class that declares the member (EnumeratingWhitelist.MethodSignature#matches). The harness'
 * stand-ins are named as the Jenkins classes they stand for.
 */
final class SandboxLists {
    /** Harness stand-in → the Jenkins class a sandboxed script really sees. */
    private static final Map<Class<?>, String> STAND_INS = Map.of(
            FakeBuild.class, "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper",
            GitScm.class, "hudson.plugins.git.GitSCM",
            HarnessScript.class, "org.jenkinsci.plugins.workflow.cps.CpsScript",
            CpsScriptBase.class, "org.jenkinsci.plugins.workflow.cps.CpsScript");

    /** Global variables a Jenkinsfile reads as properties of the script (GlobalVariable.byName). */
    private static final Set<String> GLOBAL_VARIABLES = Set.of("env", "params", "currentBuild", "scm");

    private final Set<String> allowed = new HashSet<>();
    private final Set<String> blacklisted = new HashSet<>();

    SandboxLists() {
        read("generic-whitelist", allowed);
        read("jenkins-whitelist", allowed);
        read("workflow-support-runwrapper", allowed);
        read("blacklist", blacklisted);
    }

    private static void read(String list, Set<String> into) {
        try (InputStream in = SandboxLists.class.getResourceAsStream("/script-security/" + list);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .forEach(into::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean permits(Member member) {
        return ownClass(member.getDeclaringClass()) || allowed.contains(signature(member));
    }

    /** CpsWhitelist: a step or a global variable called on the script, or a global variable read from it. */
    boolean permitsOnScript(Method method, Object[] args, Set<String> vars) {
        if (method.getName().equals("invokeMethod")) {
            return true;
        }
        return method.getName().equals("getProperty")
                && args.length == 1
                && (GLOBAL_VARIABLES.contains(args[0]) || vars.contains(args[0]));
    }

    /** script-security's words for what needs approval (RejectedAccessException, line 47). */
    String rejection(Member member) {
        String signature = signature(member);
        return "Scripts not permitted to use " + signature
                + (blacklisted.contains(signature) ? " (blacklisted: approving it is dangerous)" : "");
    }

    static String signature(Member member) {
        boolean isStatic = Modifier.isStatic(member.getModifiers());
        String owner = name(member.getDeclaringClass());
        if (member instanceof Method m) {
            return (isStatic ? "staticMethod " : "method ") + owner + " " + m.getName() + types(m.getParameterTypes());
        }
        if (member instanceof Constructor<?> c) {
            return "new " + owner + types(c.getParameterTypes());
        }
        return (isStatic ? "staticField " : "field ") + owner + " " + ((Field) member).getName();
    }

    private static String types(Class<?>[] types) {
        StringBuilder out = new StringBuilder();
        for (Class<?> type : types) {
            out.append(' ').append(name(type));
        }
        return out.toString();
    }

    /** EnumeratingWhitelist#getName: arrays as {@code type[]}. */
    static String name(Class<?> type) {
        if (type.isArray()) {
            return name(type.getComponentType()) + "[]";
        }
        return STAND_INS.getOrDefault(type, type.getName());
    }

    /** ClassLoaderWhitelist: classes compiled from the scripts under test (vars, the Jenkinsfile). */
    private static boolean ownClass(Class<?> type) {
        return type.getClassLoader() instanceof GroovyClassLoader;
    }
}
