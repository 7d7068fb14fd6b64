package io.jenkins.plugins.releasepromotion.engine.config;

/** What to do when the staging slot no longer reports the tag and commit that were verified there. */
public enum LiveVersionMode {
    REQUIRE,
    WARN,
    OFF
}
