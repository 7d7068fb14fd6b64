package io.jenkins.plugins.releasepromotion.vars;

import io.jenkins.plugins.releasepromotion.steps.PromoteTagStep;
import io.jenkins.plugins.releasepromotion.steps.ReleaseStatusStep;
import io.jenkins.plugins.releasepromotion.steps.RollbackToStep;
import io.jenkins.plugins.releasepromotion.steps.VerifyDeploymentStep;
import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters of the plugin's own steps, read from the step classes the way Jenkins binds them: the
 * {@code @DataBoundConstructor}'s parameters are required, each {@code @DataBoundSetter} is optional.
 */
final class OurSteps {

    record Signature(String function, Set<String> required, Set<String> optional) {
        Set<String> all() {
            Set<String> all = new LinkedHashSet<>(required);
            all.addAll(optional);
            return all;
        }

        /** What is wrong with a call, as Jenkins would refuse to bind it; null when nothing is. */
        String mistake(Map<String, Object> named, List<Object> positional) {
            if (!positional.isEmpty()) {
                return function + " was called with positional arguments " + positional;
            }
            for (String key : named.keySet()) {
                if (!all().contains(key)) {
                    return function + " does not declare the parameter '" + key + "'; it declares " + all();
                }
            }
            for (String key : required) {
                if (named.get(key) == null) {
                    return function + " needs its parameter '" + key + "'";
                }
            }
            return null;
        }
    }

    private OurSteps() {}

    static Map<String, Signature> all() {
        Map<String, Signature> steps = new LinkedHashMap<>();
        for (Signature s : List.of(
                of("promoteTag", PromoteTagStep.class),
                of("verifyDeployment", VerifyDeploymentStep.class),
                of("rollbackTo", RollbackToStep.class),
                of("releaseStatus", ReleaseStatusStep.class))) {
            steps.put(s.function(), s);
        }
        return steps;
    }

    static Signature of(String function, Class<?> step) {
        Set<String> required = new LinkedHashSet<>();
        for (Constructor<?> c : step.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException(step + " was compiled without parameter names");
                    }
                    required.add(p.getName());
                }
            }
        }
        Set<String> optional = new LinkedHashSet<>();
        for (Method m : step.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set")) {
                optional.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return new Signature(function, required, optional);
    }
}
