package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The Snippet Generator's form methods, shared by the steps. Each checks first that the user may configure the job
 * the snippet is for (or administer Jenkins, outside a job); without that it reveals nothing.
 */
final class StepForms {

    private StepForms() {}

    static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    static ListBoxModel environments(Item item, boolean includeEmpty) {
        ListBoxModel model = new ListBoxModel();
        if (!mayConfigure(item)) {
            return model;
        }
        if (includeEmpty) {
            model.add(Messages.StepForms_AllEnvironments(), "");
        }
        names().forEach(name -> model.add(name, name));
        return model;
    }

    static FormValidation checkEnvironment(Item item, String value) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return FormValidation.error(Messages.StepForms_EnvironmentRequired());
        }
        List<String> names = names();
        if (!names.contains(value)) {
            return FormValidation.error(Messages.StepRun_UnknownEnvironment(value, String.join(", ", names)));
        }
        return FormValidation.ok();
    }

    static FormValidation checkTag(Item item, String value, boolean required) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return required ? FormValidation.error(Messages.StepForms_TagRequired()) : FormValidation.ok();
        }
        ReleaseConfig config = config();
        TagPattern pattern = config == null || config.tagPattern() == null
                ? TagPattern.defaultPattern()
                : TagPattern.of(config.tagPattern());
        if (!pattern.accepts(value)) {
            return FormValidation.error(Messages.StepForms_NotAReleaseTag(value));
        }
        return FormValidation.ok();
    }

    private static List<String> names() {
        ReleaseConfig config = config();
        return config == null
                ? List.of()
                : config.environments().stream().map(EnvironmentConfig::name).toList();
    }

    private static ReleaseConfig config() {
        try {
            return ReleasePromotionConfiguration.get().toReleaseConfig();
        } catch (ConfigException e) {
            return null;
        }
    }
}
