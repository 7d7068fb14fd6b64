package io.jenkins.plugins.releasepromotion.vars;

import groovy.lang.Closure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Our own, deliberately small emulation of Declarative Pipeline, enough to run the template: {@code pipeline},
 * {@code agent} ({@code none}, {@code any}, {@code label}), {@code options} and {@code parameters}, {@code stages},
 * {@code stage} with its {@code agent}, {@code options} and {@code post}, {@code steps}, and {@code post} with
 * {@code always}, {@code success} and {@code failure}. As in Jenkins, a stage's options (a lock, a timeout) wrap its
 * agent, so a lock is taken before the node, and a stage's agent starts with an implicit {@code checkout scm} unless
 * the pipeline's or the stage's options hold {@code skipDefaultCheckout()}.
 */
final class Declarative {
    private static final Set<String> SECTIONS = Set.of(
            "agent", "options", "parameters", "stages", "steps", "post", "environment", "triggers", "tools", "input");
    private static final Set<String> CONDITIONS = Set.of("always", "success", "failure", "unsuccessful", "cleanup");
    private static final Set<String> WRAPPING_OPTIONS = Set.of("lock", "timeout", "retry");

    private final PipelineHarness harness;
    private final Deque<Spec> collecting = new ArrayDeque<>();
    private boolean skipDefaultCheckout;

    private static final class Spec {
        final String mode;
        final Map<String, Object> sections = new HashMap<>();
        final List<Object[]> entries = new ArrayList<>();

        Spec(String mode) {
            this.mode = mode;
        }
    }

    Declarative(PipelineHarness harness) {
        this.harness = harness;
    }

    /** While a section is being read, its entries are collected, not run. */
    boolean collects(String name, Map<String, Object> named, List<Object> positional) {
        Spec spec = collecting.peek();
        if (spec == null) {
            return false;
        }
        switch (spec.mode) {
            case "pipeline", "stage" -> {
                if (!SECTIONS.contains(name)) {
                    throw harness.violation("'" + name + "' is not a section of a declarative " + spec.mode);
                }
                spec.sections.put(name, positional.isEmpty() ? named : positional.get(positional.size() - 1));
            }
            case "options", "parameters", "input" -> spec.entries.add(new Object[] {name, named, positional});
            case "stages" -> {
                if (!name.equals("stage")) {
                    throw harness.violation("only stage belongs in stages, not " + name);
                }
                spec.entries.add(new Object[] {positional.get(0), positional.get(1)});
            }
            case "post" -> {
                if (!CONDITIONS.contains(name)) {
                    throw harness.violation("'" + name + "' is not a post condition");
                }
                spec.sections.put(name, positional.get(0));
            }
            case "agent" -> {
                if (!name.equals("label")) {
                    throw harness.violation("only label is emulated inside agent, not " + name);
                }
                spec.sections.put("label", positional.get(0));
            }
            default -> throw harness.violation("unknown section " + spec.mode);
        }
        return true;
    }

    Object pipeline(Closure<?> body) {
        Spec pipeline = read("pipeline", body);
        skipDefaultCheckout = skipsDefaultCheckout(pipeline);
        String label = label(pipeline.sections.get("agent"));
        Runnable stages = () -> {
            for (Object[] stage : read("stages", (Closure<?>) pipeline.sections.get("stages")).entries) {
                stage(String.valueOf(stage[0]), (Closure<?>) stage[1]);
            }
        };
        withPost(pipeline, () -> {
            if (label == null) {
                stages.run();
            } else {
                harness.step("node", new Object[] {
                    label,
                    closure(() -> {
                        stages.run();
                        return null;
                    })
                });
            }
        });
        return null;
    }

    private void stage(String name, Closure<?> body) {
        Spec stage = read("stage", body);
        String label = label(stage.sections.get("agent"));
        Closure<?> steps = (Closure<?>) stage.sections.get("steps");
        if (steps == null) {
            throw harness.violation("stage " + name + " has no steps");
        }
        // As in Jenkins, a stage's post runs in its agent, and its options wrap both. The implicit checkout:
        // org.jenkinsci.plugins.pipeline.modeldefinition.model.Agent#getAgent (pipeline-model-definition 42c9dc3e,
        // lines 112-115) turns doCheckout off only for a skipDefaultCheckout option of the pipeline or the stage;
        // agent/CheckoutScript.groovy line 78 then runs checkout(scm) on the stage's agent.
        boolean checkout = label != null && !skipDefaultCheckout && !skipsDefaultCheckout(stage);
        Supplier<Object> inAgent = () -> {
            if (checkout) {
                harness.step("checkout", new Object[] {harness.scm()});
            }
            withPost(stage, steps::call);
            return null;
        };
        Supplier<Object> run =
                label == null ? inAgent : () -> harness.step("node", new Object[] {label, closure(inAgent)});
        run = withInput(stage, run);
        Object options = stage.sections.get("options");
        if (options != null) {
            List<Object[]> entries = read("options", (Closure<?>) options).entries;
            for (int i = entries.size() - 1; i >= 0; i--) {
                Object[] option = entries.get(i);
                if (WRAPPING_OPTIONS.contains((String) option[0])) {
                    Supplier<Object> inner = run;
                    run = () -> harness.step((String) option[0], new Object[] {option[1], closure(inner)});
                }
            }
        }
        Supplier<Object> inStage = run;
        harness.step("stage", new Object[] {name, closure(inStage::get)});
    }

    /**
     * A stage's {@code input} directive asks before the stage's agent is taken; the submitter's ID goes to the
     * environment variable named by {@code submitterParameter}.
     */
    private Supplier<Object> withInput(Spec stage, Supplier<Object> agent) {
        Object input = stage.sections.get("input");
        if (input == null) {
            return agent;
        }
        Map<String, Object> directive = new java.util.LinkedHashMap<>();
        for (Object[] entry : read("input", (Closure<?>) input).entries) {
            directive.put((String) entry[0], ((List<?>) entry[2]).get(0));
        }
        return () -> {
            Object answer = harness.step("input", new Object[] {directive});
            Object parameter = directive.get("submitterParameter");
            if (parameter != null) {
                harness.env().put((String) parameter, answer instanceof Map<?, ?> m ? m.get(parameter) : answer);
            }
            return agent.get();
        };
    }

    private boolean skipsDefaultCheckout(Spec spec) {
        Object options = spec.sections.get("options");
        return options != null
                && read("options", (Closure<?>) options).entries.stream()
                        .anyMatch(option -> "skipDefaultCheckout".equals(option[0]));
    }

    private void withPost(Spec spec, Runnable body) {
        Spec post = spec.sections.get("post") == null
                ? new Spec("post")
                : read("post", (Closure<?>) spec.sections.get("post"));
        try {
            body.run();
        } catch (Throwable e) {
            // As in Jenkins, whatever ended the body (hudson.AbortException is checked) runs the post conditions.
            if (!(e instanceof HarnessViolation)) {
                run(post, "failure");
                run(post, "unsuccessful");
                run(post, "always");
            }
            throw Checked.<RuntimeException>rethrow(e);
        }
        run(post, "success");
        run(post, "always");
    }

    private static void run(Spec post, String condition) {
        Closure<?> body = (Closure<?>) post.sections.get(condition);
        if (body != null) {
            body.call();
        }
    }

    private String label(Object agent) {
        if (agent == null || "none".equals(agent)) {
            return null;
        }
        if ("any".equals(agent)) {
            return "";
        }
        return String.valueOf(read("agent", (Closure<?>) agent).sections.get("label"));
    }

    private Spec read(String mode, Closure<?> body) {
        Spec spec = new Spec(mode);
        collecting.push(spec);
        try {
            body.call();
        } finally {
            collecting.pop();
        }
        return spec;
    }

    private static Closure<Object> closure(Supplier<Object> body) {
        return new Closure<>(null) {
            private static final long serialVersionUID = 1L;

            @Override
            public Object call() {
                return body.get();
            }
        };
    }
}
