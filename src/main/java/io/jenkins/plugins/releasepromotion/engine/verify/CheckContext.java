package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import java.net.URI;
import java.time.Clock;

/**
 * What a check works with during one verification.
 *
 * @param where the environment and slot for messages, e.g. {@code staging slot 1}
 * @param runner runs commands where the deploy runs; {@code null} when there is none
 */
record CheckContext(
        VerificationTarget target,
        String where,
        HttpProbe http,
        Authorizations authorizations,
        CommandRunner runner,
        Clock clock,
        Sleeper sleeper) {

    static String where(VerificationTarget target) {
        return target.environment().name() + (target.slot() == null ? "" : " slot " + target.slot());
    }

    /**
     * Text an application sent, fit for a one-line message: masked before it is cut, so a cut never leaves part of a
     * secret behind.
     */
    String shown(String untrusted) {
        return DisplayText.of(authorizations.secrets().mask(untrusted));
    }

    /** A path under the slot's URL. */
    URI url(String path) throws ProbeException {
        return HttpCall.resolve(target.baseUrl(), path);
    }
}
