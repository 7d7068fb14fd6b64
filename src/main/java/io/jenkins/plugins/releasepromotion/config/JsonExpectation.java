package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** A value the JSON answer of a request must hold at a JSON pointer: {@code {pointer: /user/name, value: demo}}. */
public class JsonExpectation implements Describable<JsonExpectation>, Tree.Node {
    private final String pointer;
    private final String value;

    @DataBoundConstructor
    public JsonExpectation(String pointer, String value) {
        this.pointer = Lines.blankToNull(pointer);
        this.value = Lines.blankToNull(value);
    }

    public String getPointer() {
        return pointer;
    }

    public String getValue() {
        return value;
    }

    @Override
    public Tree toTree() {
        return new Tree().put("pointer", pointer).put("value", value);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<JsonExpectation> {
        @Override
        public String getDisplayName() {
            return Messages.JsonExpectation_DisplayName();
        }
    }
}
