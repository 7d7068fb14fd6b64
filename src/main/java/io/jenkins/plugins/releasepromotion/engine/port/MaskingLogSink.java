package io.jenkins.plugins.releasepromotion.engine.port;

import java.util.Objects;

/** Masks every secret of the operation out of each line before it reaches the console. */
public final class MaskingLogSink implements LogSink {
    private final LogSink target;
    private final Secrets secrets;

    public MaskingLogSink(LogSink target, Secrets secrets) {
        this.target = Objects.requireNonNull(target, "target");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public void line(String text) {
        target.line(secrets.mask(text));
    }
}
