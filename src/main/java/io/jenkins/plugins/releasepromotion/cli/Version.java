package io.jenkins.plugins.releasepromotion.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; "development" when run from classes. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"release-promotion " + (version == null ? "(development build)" : version)};
    }
}
