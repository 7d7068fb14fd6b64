package io.jenkins.plugins.releasepromotion.config;

import hudson.util.ListBoxModel;

/** Fixed drop-down choices; the empty choice means the engine's default. */
final class Choices {

    private Choices() {}

    static ListBoxModel of(String... values) {
        ListBoxModel model = new ListBoxModel();
        for (String value : values) {
            model.add(value.isEmpty() ? Messages.Choices_Default() : value, value);
        }
        return model;
    }
}
