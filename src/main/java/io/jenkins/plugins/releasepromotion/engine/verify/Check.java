package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;

/**
 * One kind of verification check. It makes a single attempt; timeouts of its requests, retries and modes are handled
 * around it. Expected failures (a wrong version, a 503, a refused connection) are a failed {@link Attempt}, never an
 * exception.
 */
interface Check {
    Attempt attempt(CheckConfig config, CheckContext context) throws InterruptedException;
}
