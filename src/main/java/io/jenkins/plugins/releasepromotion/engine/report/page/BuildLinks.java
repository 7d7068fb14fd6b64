package io.jenkins.plugins.releasepromotion.engine.report.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How the build address a record names becomes a link. Only an {@code http} or {@code https} address is ever linked:
 * a {@code javascript:} or {@code data:} address in a record stays text.
 */
public final class BuildLinks {
    /** Absolute addresses only, as the command line records them. */
    public static final BuildLinks ABSOLUTE = new BuildLinks(null);

    private final String root;

    private BuildLinks(String root) {
        this.root = root;
    }

    /**
     * Relative addresses under {@code root} too, as Jenkins records a build ({@code job/app/12/}).
     *
     * @param root Jenkins' root address, e.g. {@code https://ci.example.com/} or {@code /jenkins/}
     */
    public static BuildLinks under(String root) {
        return new BuildLinks(root.endsWith("/") ? root : root + "/");
    }

    /** The link of {@code buildUrl}; {@code null} when it is not linked. */
    public String of(String buildUrl) {
        if (buildUrl == null || buildUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(buildUrl);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null) {
                return root == null || buildUrl.startsWith("/") || buildUrl.startsWith("\\\\") ? null : root + buildUrl;
            }
            return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
