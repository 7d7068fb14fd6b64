package io.jenkins.plugins.releasepromotion.engine.usecase;

/** Whether a repository path lies under a configured folder such as {@code migrations/} or {@code db/migrate}. */
final class PathPrefix {
    private PathPrefix() {}

    static boolean isUnder(String path, String folder) {
        String prefix = folder.replace('\\', '/').replaceFirst("^\\./", "").replaceFirst("^/+", "");
        if (prefix.isEmpty()) {
            return true;
        }
        String withSlash = prefix.endsWith("/") ? prefix : prefix + "/";
        return path.startsWith(withSlash) || path.equals(prefix.replaceFirst("/+$", ""));
    }
}
