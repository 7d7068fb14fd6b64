package io.jenkins.plugins.releasepromotion.vars;

import com.cloudbees.groovy.cps.Continuable;
import com.cloudbees.groovy.cps.CpsTransformer;
import com.cloudbees.groovy.cps.Envs;
import com.cloudbees.groovy.cps.ObjectInputStreamWithLoader;
import com.cloudbees.groovy.cps.Outcome;
import com.cloudbees.groovy.cps.impl.CpsCallableInvocation;
import com.cloudbees.groovy.cps.impl.CpsClosure;
import com.cloudbees.groovy.cps.sandbox.SandboxInvoker;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Runs a var or the template through groovy-cps, the transformer Pipeline runs them with: after every step the whole
 * program is serialized and read back, and it resumes from that copy, as after a restart of Jenkins. A local that
 * cannot be serialized, or a call the transformer cannot follow (a CPS mismatch), fails the check. The steps answer
 * through {@link PipelineHarness}, so the same stand-ins and the same parameter checks apply.
 */
final class CpsCheck {
    private static final ThreadLocal<CpsCheck> CURRENT = new ThreadLocal<>();
    private static final List<String> MISMATCHES = new ArrayList<>();

    static {
        CpsCallableInvocation.registerMismatchHandler(
                (expectedReceiver, expectedMethod, actualReceiver, actualMethod) -> {
                    // Pipeline runs a block step's body asynchronously; the check calls it straight from the step,
                    // which the
                    // transformer reports as a mismatch. Those alone are expected.
                    if (CpsScriptBase.BLOCKS.contains(expectedMethod)
                            && actualReceiver instanceof CpsClosure
                            && "call".equals(actualMethod)) {
                        return;
                    }
                    synchronized (MISMATCHES) {
                        MISMATCHES.add("expected to call "
                                + expectedReceiver.getClass().getName() + "." + expectedMethod
                                + " but wound up catching " + actualReceiver + "." + actualMethod);
                    }
                });
    }

    /** A plain step the program suspended on. */
    record StepCall(String name, List<Object> args) implements Serializable {}

    /** Our emulation of Declarative, in CPS-transformed Groovy as Declarative's own interpreter is. */
    private static final Path DECLARATIVE = Path.of("src/test/resources/declarative/pipeline.groovy");

    private final Path root;
    private final PipelineHarness steps;
    /** Declarative's interpreter is trusted code: our emulation of it is compiled without the sandbox. */
    private final GroovyShell trusted;

    private final GroovyShell shell;
    private final SandboxCheck sandbox;
    private final Map<String, String> pools = new HashMap<>();
    private int resumes;

    CpsCheck(Path root, PipelineHarness steps) {
        this(root, steps, false);
    }

    /**
     * @param sandboxed as Pipeline runs a Jenkinsfile and an untrusted library: CpsGroovyShellFactory#makeCpsTransformer
     *     (workflow-cps e007b7ff, line 79) compiles with SandboxCpsTransformer, and CpsFlowExecution (line 654, through
     *     LoggingInvoker line 51) runs the program with a SandboxInvoker, which sends every call to the sandbox's
     *     interceptor
     */
    CpsCheck(Path root, PipelineHarness steps, boolean sandboxed) {
        this.root = root;
        this.steps = steps;
        this.trusted = shell(CpsCheck.class.getClassLoader(), new CpsTransformer());
        this.shell = sandboxed ? shell(trusted.getClassLoader(), new SandboxCps()) : trusted;
        this.sandbox = sandboxed ? SandboxCheck.of(steps, root) : null;
    }

    private static GroovyShell shell(ClassLoader parent, CpsTransformer transformer) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(CpsScriptBase.class.getName());
        ImportCustomizer imports = new ImportCustomizer();
        imports.addImport("Library", Library.class.getName());
        config.addCompilationCustomizers(imports, transformer);
        return new GroovyShell(parent, new Binding(), config);
    }

    static CpsCheck current() {
        return CURRENT.get();
    }

    CpsCheck pool(String label, String resource) {
        pools.put(label, resource);
        return this;
    }

    String pool(String label) {
        return pools.get(label);
    }

    int resumes() {
        return resumes;
    }

    /** Runs {@code name(args)} as a Jenkinsfile calling the var would; returns what the program ended with. */
    Outcome runVar(String name, Map<String, Object> config) throws Exception {
        Binding binding = binding(Map.of());
        binding.setVariable("config", new LinkedHashMap<>(config));
        return run(compile(name + "(config)", "entry", binding));
    }

    Outcome runTemplate(Path template, Map<String, Object> params) throws Exception {
        return run(compile(Files.readString(template, StandardCharsets.UTF_8), "template", binding(params)));
    }

    List<String> mismatches() {
        synchronized (MISMATCHES) {
            return List.copyOf(MISMATCHES);
        }
    }

    Script var(String name, Binding binding) {
        @SuppressWarnings("unchecked")
        Map<String, Script> vars = (Map<String, Script>) binding.getVariable("__vars");
        if (!vars.containsKey(name)) {
            Path file = root.resolve("vars").resolve(name + ".groovy");
            if (name.equals("pipeline")) {
                file = DECLARATIVE;
            }
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                GroovyShell compiler = name.equals("pipeline") ? trusted : shell;
                Script var = compiler.parse(Files.readString(file, StandardCharsets.UTF_8), name);
                var.setBinding(binding);
                vars.put(name, var);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return vars.get(name);
    }

    private Binding binding(Map<String, Object> params) {
        Binding binding = new Binding();
        binding.setVariable("__vars", new HashMap<String, Script>());
        binding.setVariable("env", new LinkedHashMap<String, Object>());
        binding.setVariable("params", new LinkedHashMap<>(params));
        binding.setVariable("currentBuild", steps.build());
        binding.setVariable("scm", steps.scm());
        return binding;
    }

    private Script compile(String text, String name, Binding binding) {
        Script script = shell.parse(text, name);
        script.setBinding(binding);
        return script;
    }

    private Outcome run(Script script) throws Exception {
        CURRENT.set(this);
        try {
            Continuable program = sandbox == null
                    ? new Continuable(script)
                    : new Continuable(script, Envs.empty(new SandboxInvoker()));
            Outcome outcome = run0(program, new Outcome(null, null));
            while (program.isResumable()) {
                program = roundTrip(program);
                resumes++;
                outcome = run0(program, answer((StepCall) outcome.getNormal()));
            }
            if (!steps.violations().isEmpty()) {
                throw steps.violations().get(0);
            }
            return outcome;
        } finally {
            CURRENT.remove();
        }
    }

    /** Runs the program up to its next step, inside the sandbox when the check is sandboxed. */
    private Outcome run0(Continuable program, Outcome resumeWith) {
        if (sandbox == null) {
            return program.run0(resumeWith);
        }
        sandbox.register();
        try {
            return program.run0(resumeWith);
        } finally {
            sandbox.unregister();
        }
    }

    private Outcome answer(StepCall call) {
        try {
            return new Outcome(steps.step(call.name(), call.args().toArray()), null);
        } catch (HarnessViolation e) {
            throw e;
        } catch (Exception e) {
            return new Outcome(null, e);
        }
    }

    /** Writes the program out and reads it back: what a restart of the controller does to it. */
    private Continuable roundTrip(Continuable program) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new IteratorSafeOutputStream(bytes)) {
            out.writeObject(program);
        }
        try (ObjectInputStreamWithLoader in = new ObjectInputStreamWithLoader(
                new ByteArrayInputStream(bytes.toByteArray()), shell.getClassLoader())) {
            return (Continuable) in.readObject();
        }
    }

    /**
     * Jenkins makes the JDK's collection iterators serializable, so that a {@code for} loop may run a step; here the
     * rest of such an iterator is written as a list (the original is never used again: the program resumes from the
     * copy).
     */
    private static final class IteratorSafeOutputStream extends ObjectOutputStream {
        IteratorSafeOutputStream(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof Iterator<?> it && !(obj instanceof Serializable)) {
                List<Object> rest = new ArrayList<>();
                it.forEachRemaining(rest::add);
                return new Rest(rest);
            }
            return obj;
        }
    }

    /** The rest of an iterator, serializable. */
    static final class Rest implements Iterator<Object>, Serializable {
        private static final long serialVersionUID = 1L;
        private final ArrayList<Object> items;
        private int next;

        Rest(List<Object> items) {
            this.items = new ArrayList<>(items);
        }

        @Override
        public boolean hasNext() {
            return next < items.size();
        }

        @Override
        public Object next() {
            return items.get(next++);
        }
    }
}
