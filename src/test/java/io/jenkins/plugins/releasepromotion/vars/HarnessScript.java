package io.jenkins.plugins.releasepromotion.vars;

import groovy.lang.Script;

/**
 * The base class of every var and of the template in the harness: any call the script does not define itself is a
 * Pipeline step (or another var), and goes to the harness.
 */
public abstract class HarnessScript extends Script {

    public Object methodMissing(String name, Object args) {
        return harness().step(name, (Object[]) args);
    }

    public Object propertyMissing(String name) {
        return harness().property(name);
    }

    private PipelineHarness harness() {
        return (PipelineHarness) getBinding().getVariable(PipelineHarness.SELF);
    }
}
