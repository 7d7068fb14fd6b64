package io.jenkins.plugins.releasepromotion.vars;

import com.cloudbees.groovy.cps.Continuable;
import com.cloudbees.groovy.cps.SerializableScript;
import com.cloudbees.groovy.cps.impl.CpsCallableInvocation;
import groovy.lang.Binding;
import groovy.lang.Closure;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.InvokerInvocationException;

/**
 * The base class of the vars and the template under the CPS transformer. A plain step suspends the whole program
 * (the driver then serializes it, reads it back and resumes it with the step's answer); a block step runs its body
 * inside the program, as Pipeline does; another var runs its own CPS-transformed {@code call}.
 */
public abstract class CpsScriptBase extends SerializableScript {
    private static final long serialVersionUID = 1L;

    static final Set<String> BLOCKS =
            Set.of("node", "stage", "timeout", "dir", "withEnv", "script", "retry", "catchError", "sshagent", "lock");

    /** Like Jenkins' own script class, the binding travels with the program (every value in it is serializable). */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(getBinding().getVariables());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        setBinding(new Binding((Map<?, ?>) in.readObject()));
    }

    public Object methodMissing(String name, Object args) {
        Object[] arguments = (Object[]) args;
        if (BLOCKS.contains(name)) {
            return block(name, arguments);
        }
        CpsCheck check = CpsCheck.current();
        groovy.lang.Script var = check.var(name, getBinding());
        if (var != null) {
            try {
                return InvokerHelper.invokeMethod(var, "call", arguments);
            } catch (InvokerInvocationException e) {
                if (e.getCause() instanceof CpsCallableInvocation inv) {
                    throw inv;
                }
                throw e;
            }
        }
        return Continuable.suspend(name, new CpsCheck.StepCall(name, List.of(arguments)));
    }

    public Object propertyMissing(String name) {
        return switch (name) {
            case "none", "any" -> name;
            default -> CpsCheck.current().var(name, getBinding());
        };
    }

    @SuppressWarnings("unchecked")
    private Object block(String name, Object[] args) {
        if (name.equals("lock") && args[0] instanceof Map<?, ?> named && named.get("variable") != null) {
            String resource = CpsCheck.current().pool(String.valueOf(named.get("label")));
            ((Map<String, Object>) getBinding().getVariable("env"))
                    .put(String.valueOf(named.get("variable")), resource);
        }
        return ((Closure<?>) args[args.length - 1]).call();
    }
}
