package io.jenkins.plugins.releasepromotion.vars;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for the Pipeline: Shared Groovy Libraries annotation, so {@code @Library('x') _} compiles. */
@Retention(RetentionPolicy.SOURCE)
public @interface Library {
    String[] value();
}
