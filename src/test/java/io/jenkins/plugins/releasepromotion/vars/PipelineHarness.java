package io.jenkins.plugins.releasepromotion.vars;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.kohsuke.groovy.sandbox.SandboxTransformer;

/**
 * Runs the shared library's vars and the Jenkinsfile template on Groovy 2.4 (the Groovy Jenkins runs) with stand-in
 * Pipeline steps. Every call is recorded with the stage, the node and the locks around it. A step nobody registered,
 * or a parameter one of our steps does not declare, fails the test: nothing passes silently.
 */
final class PipelineHarness {
    static final String SELF = "__harness";

    /** Steps that run their closure: the Pipeline block steps the library uses. */
    private static final Set<String> BLOCKS =
            Set.of("node", "stage", "timeout", "dir", "withEnv", "script", "retry", "catchError", "sshagent");

    /** Steps that only build a value for another step (checkout's SCM, input's parameters). */
    private static final Set<String> VALUES = Set.of(
            "scmGit",
            "cloneOption",
            "booleanParam",
            "string",
            "text",
            "properties",
            "parameters",
            "disableConcurrentBuilds");

    record Call(
            String name,
            Map<String, Object> args,
            List<Object> positional,
            String stage,
            int nodeDepth,
            List<String> locks) {}

    private final Path root;
    private final Map<String, OurSteps.Signature> ours = OurSteps.all();
    private final Map<String, Function<Map<String, Object>, Object>> programs = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> echoes = new ArrayList<>();
    private final List<HarnessViolation> violations = new ArrayList<>();
    private final Deque<String> locks = new ArrayDeque<>();
    private final Deque<String> stages = new ArrayDeque<>();
    private final Deque<Integer> timeouts = new ArrayDeque<>();
    private final Map<String, String> pools = new HashMap<>();
    private final Map<String, Object> env = new LinkedHashMap<>();
    private final Map<String, Script> vars = new HashMap<>();
    private final FakeBuild build;
    private final Declarative declarative = new Declarative(this);
    private final GitScm scm = new GitScm();
    private SandboxCheck sandbox;
    private int nodeDepth;
    private Map<String, Object> params = new LinkedHashMap<>();

    PipelineHarness(Path root, String startedBy) {
        this.root = root;
        this.build = new FakeBuild(startedBy);
    }

    /** Programs one of our steps; the answer is what the step returns, or it throws to fail the step. */
    PipelineHarness ours(String step, Function<Map<String, Object>, Object> answer) {
        if (!ours.containsKey(step)) {
            throw new IllegalArgumentException(step + " is not one of the plugin's steps");
        }
        programs.put(step, answer);
        return this;
    }

    /** Programs the {@code input} step: its answer, or an exception for a rejection or a timeout. */
    PipelineHarness input(Function<Map<String, Object>, Object> answer) {
        programs.put("input", answer);
        return this;
    }

    /** The lockable resource {@code lock(label: ...)} picks from that pool. */
    PipelineHarness pool(String label, String resource) {
        pools.put(label, resource);
        return this;
    }

    /**
     * Runs the scripts as Pipeline runs a Jenkinsfile and an untrusted library: in the script-security sandbox. A call
     * that would need an administrator's approval fails the run with the signature to approve.
     */
    PipelineHarness sandboxed() {
        sandbox = SandboxCheck.of(this, root);
        return this;
    }

    PipelineHarness params(Map<String, Object> values) {
        params = new LinkedHashMap<>(values);
        return this;
    }

    /** Lets the approval's time run out: the clock moves past the enclosing timeout, then input is interrupted. */
    Object expire() {
        build.advance(timeouts.isEmpty() ? 0 : timeouts.peek() * 60_000L);
        throw new Interrupted("Timeout has been exceeded");
    }

    Object runVar(String name, Object... args) {
        return checked(() -> var(name).invokeMethod("call", args));
    }

    Object runTemplate(Path template) {
        return checked(() -> script(template).run());
    }

    /**
     * A violation fails the run even when the script caught it: the first one recorded is thrown at the end. What the
     * script threw comes out as it threw it, not wrapped by Groovy's reflection.
     */
    private Object checked(Supplier<Object> run) {
        Object result;
        if (sandbox != null) {
            sandbox.register();
        }
        try {
            result = unwrapped(run);
        } catch (RuntimeException e) {
            if (!violations.isEmpty()) {
                throw violations.get(0);
            }
            throw e;
        } finally {
            if (sandbox != null) {
                sandbox.unregister();
            }
        }
        if (!violations.isEmpty()) {
            throw violations.get(0);
        }
        return result;
    }

    private static Object unwrapped(Supplier<Object> run) {
        try {
            return run.get();
        } catch (InvokerInvocationException e) {
            throw Checked.<RuntimeException>rethrow(e.getCause());
        }
    }

    HarnessViolation violation(String message) {
        HarnessViolation violation = new HarnessViolation(message);
        violations.add(violation);
        return violation;
    }

    List<HarnessViolation> violations() {
        return violations;
    }

    List<Call> calls() {
        return calls;
    }

    List<Call> calls(String name) {
        return calls.stream().filter(c -> c.name().equals(name)).toList();
    }

    List<String> stepNames() {
        return calls.stream().map(Call::name).toList();
    }

    List<String> echoes() {
        return echoes;
    }

    FakeBuild build() {
        return build;
    }

    /** The job's SCM, as {@code scm} in a Jenkinsfile read from SCM. */
    GitScm scm() {
        return scm;
    }

    Map<String, Object> env() {
        return env;
    }

    Object property(String name) {
        return switch (name) {
            case "none", "any" -> name;
            default -> {
                Script var = varOrNull(name);
                if (var == null) {
                    throw violation("property or var '" + name + "' is not known to the harness");
                }
                yield var;
            }
        };
    }

    Object step(String name, Object[] args) {
        Map<String, Object> named = args.length > 0 && args[0] instanceof Map<?, ?> m ? copy(m) : Map.of();
        List<Object> positional = new ArrayList<>(Arrays.asList(args));
        if (!named.isEmpty()) {
            positional.remove(0);
        }
        if (declarative.collects(name, named, positional)) {
            return null;
        }
        calls.add(new Call(name, named, positional, stages.peek(), nodeDepth, List.copyOf(locks)));
        if (ours.containsKey(name)) {
            return ourStep(name, named, positional);
        }
        return builtIn(name, named, positional);
    }

    private Object builtIn(String name, Map<String, Object> named, List<Object> positional) {
        switch (name) {
            case "echo":
                echoes.add(String.valueOf(positional.get(0)));
                return null;
            case "error":
                build.setResult("FAILURE");
                throw new PipelineError(
                        String.valueOf(positional.isEmpty() ? named.get("message") : positional.get(0)));
            case "checkout":
                return Map.of("GIT_COMMIT", "unused");
            case "input":
                return program("input").apply(named);
            case "lock":
                return lock(named, positional);
            case "pipeline":
                return declarative.pipeline(closure(positional));
            default:
        }
        if (VALUES.contains(name)) {
            Map<String, Object> value = new LinkedHashMap<>(named);
            value.put("$class", name);
            return value;
        }
        if (BLOCKS.contains(name)) {
            return block(name, named, positional);
        }
        Script var = varOrNull(name);
        if (var != null) {
            return var.invokeMethod(
                    "call", positional.isEmpty() && !named.isEmpty() ? new Object[] {named} : args(named, positional));
        }
        throw violation("step '" + name + "' is not registered in the harness");
    }

    private static Object[] args(Map<String, Object> named, List<Object> positional) {
        List<Object> all = new ArrayList<>();
        if (!named.isEmpty()) {
            all.add(named);
        }
        all.addAll(positional);
        return all.toArray();
    }

    private Object block(String name, Map<String, Object> named, List<Object> positional) {
        Closure<?> body = closure(positional);
        switch (name) {
            case "node":
                nodeDepth++;
                try {
                    return body.call();
                } finally {
                    nodeDepth--;
                }
            case "stage":
                stages.push(String.valueOf(positional.get(0)));
                try {
                    return body.call();
                } finally {
                    stages.pop();
                }
            case "timeout":
                int minutes = ((Number) named.get("time")).intValue();
                timeouts.push("MINUTES".equals(named.get("unit")) ? minutes : Math.max(1, minutes / 60));
                try {
                    return body.call();
                } finally {
                    timeouts.pop();
                }
            default:
                return body.call();
        }
    }

    private Object lock(Map<String, Object> named, List<Object> positional) {
        String resource;
        if (named.containsKey("label")) {
            resource = pools.get(String.valueOf(named.get("label")));
            if (resource == null) {
                throw violation("no resource registered for the lock label " + named.get("label"));
            }
        } else {
            resource = String.valueOf(named.containsKey("resource") ? named.get("resource") : positional.get(0));
        }
        if (named.get("variable") != null) {
            env.put(String.valueOf(named.get("variable")), resource);
        }
        locks.push(resource);
        try {
            return closure(positional).call();
        } finally {
            locks.pop();
        }
    }

    private Object ourStep(String name, Map<String, Object> named, List<Object> positional) {
        String mistake = ours.get(name).mistake(named, positional);
        if (mistake != null) {
            throw violation(mistake);
        }
        return program(name).apply(named);
    }

    private Function<Map<String, Object>, Object> program(String name) {
        Function<Map<String, Object>, Object> program = programs.get(name);
        if (program == null) {
            throw violation("step '" + name + "' was called but the test did not program it");
        }
        return program;
    }

    Closure<?> closure(List<Object> positional) {
        if (positional.isEmpty() || !(positional.get(positional.size() - 1) instanceof Closure<?> c)) {
            throw violation("a block step was called without a body");
        }
        return c;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private Script varOrNull(String name) {
        if (vars.containsKey(name)) {
            return vars.get(name);
        }
        Path file = root.resolve("vars").resolve(name + ".groovy");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Script var = script(file);
        vars.put(name, var);
        return var;
    }

    private Script var(String name) {
        Script var = varOrNull(name);
        if (var == null) {
            throw violation("no var " + name);
        }
        return var;
    }

    private Script script(Path file) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(HarnessScript.class.getName());
        ImportCustomizer imports = new ImportCustomizer();
        imports.addImport("Library", Library.class.getName());
        config.addCompilationCustomizers(imports);
        if (sandbox != null) {
            config.addCompilationCustomizers(new SandboxTransformer());
        }
        Binding binding = new Binding();
        binding.setVariable(SELF, this);
        binding.setVariable("env", env);
        binding.setVariable("params", params);
        binding.setVariable("currentBuild", build);
        binding.setVariable("scm", scm);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new GroovyShell(PipelineHarness.class.getClassLoader(), binding, config)
                    .parse(text, file.getFileName().toString().replaceAll("[^A-Za-z0-9_]", "_"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
