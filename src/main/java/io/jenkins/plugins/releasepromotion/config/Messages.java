package io.jenkins.plugins.releasepromotion.config;

import org.jvnet.localizer.ResourceBundleHolder;

/** The user-visible strings of this package, from {@code Messages.properties} beside this class. */
public final class Messages {
    private static final ResourceBundleHolder HOLDER = ResourceBundleHolder.get(Messages.class);

    private Messages() {}

    public static String ScriptDeploy_DisplayName() {
        return HOLDER.format("ScriptDeploy.DisplayName");
    }

    public static String SshDeploy_DisplayName() {
        return HOLDER.format("SshDeploy.DisplayName");
    }

    public static String FlowRequest_DisplayName() {
        return HOLDER.format("FlowRequest.DisplayName");
    }

    public static String NameValue_DisplayName() {
        return HOLDER.format("NameValue.DisplayName");
    }

    public static String JsonExpectation_DisplayName() {
        return HOLDER.format("JsonExpectation.DisplayName");
    }

    public static String Check_DisplayName() {
        return HOLDER.format("Check.DisplayName");
    }

    public static String Gates_DisplayName() {
        return HOLDER.format("Gates.DisplayName");
    }

    public static String Window_DisplayName() {
        return HOLDER.format("Window.DisplayName");
    }

    public static String Freeze_DisplayName() {
        return HOLDER.format("Freeze.DisplayName");
    }

    public static String Backup_DisplayName() {
        return HOLDER.format("Backup.DisplayName");
    }

    public static String Maintenance_DisplayName() {
        return HOLDER.format("Maintenance.DisplayName");
    }

    public static String Bake_DisplayName() {
        return HOLDER.format("Bake.DisplayName");
    }

    public static String Environment_DisplayName() {
        return HOLDER.format("Environment.DisplayName");
    }

    public static String Environment_NameRequired() {
        return HOLDER.format("Environment.NameRequired");
    }

    public static String Choices_Default() {
        return HOLDER.format("Choices.Default");
    }

    public static String ReleasePromotionConfiguration_DisplayName() {
        return HOLDER.format("ReleasePromotionConfiguration.DisplayName");
    }

    public static String ReleasePromotionConfiguration_LedgerDirectoryAbsolute() {
        return HOLDER.format("ReleasePromotionConfiguration.LedgerDirectoryAbsolute");
    }

    public static String ReleasePromotionConfiguration_LedgerCredentialsBuildsCanBind(Object arg0) {
        return HOLDER.format("ReleasePromotionConfiguration.LedgerCredentialsBuildsCanBind", arg0);
    }

    public static String ReleasePromotionConfiguration_LedgerKeyBuildsCanBind(Object arg0) {
        return HOLDER.format("ReleasePromotionConfiguration.LedgerKeyBuildsCanBind", arg0);
    }
}
