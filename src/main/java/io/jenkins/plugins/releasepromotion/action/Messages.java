package io.jenkins.plugins.releasepromotion.action;

import org.jvnet.localizer.ResourceBundleHolder;

/** The user-visible strings of this package, from {@code Messages.properties} beside this class. */
public final class Messages {
    private static final ResourceBundleHolder HOLDER = ResourceBundleHolder.get(Messages.class);

    private Messages() {}

    public static String ReleaseAction_DisplayName(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("ReleaseAction.DisplayName", arg0, arg1, arg2);
    }

    public static String ReleaseAction_Promotion() {
        return HOLDER.format("ReleaseAction.Promotion");
    }

    public static String ReleaseAction_Verification() {
        return HOLDER.format("ReleaseAction.Verification");
    }

    public static String ReleaseAction_Rollback() {
        return HOLDER.format("ReleaseAction.Rollback");
    }

    public static String ReleaseAction_Approval() {
        return HOLDER.format("ReleaseAction.Approval");
    }

    public static String ReleasesPage_DisplayName() {
        return HOLDER.format("ReleasesPage.DisplayName");
    }

    public static String ReleasesPage_WeeksRefused(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("ReleasesPage.WeeksRefused", arg0, arg1, arg2);
    }
}
