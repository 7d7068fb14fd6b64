package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * A name and its text, e.g. a request header or a DAG run setting. Configuration as Code binds no {@code Map}, so
 * such settings are a list of these: {@code [{name: Accept, value: application/json}]}.
 */
public class NameValue implements Describable<NameValue>, Tree.Node {
    private final String name;
    private final String value;

    @DataBoundConstructor
    public NameValue(String name, String value) {
        this.name = Lines.blankToNull(name);
        this.value = Lines.blankToNull(value);
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public Tree toTree() {
        return new Tree().put("name", name).put("value", value);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<NameValue> {
        @Override
        public String getDisplayName() {
            return Messages.NameValue_DisplayName();
        }
    }
}
