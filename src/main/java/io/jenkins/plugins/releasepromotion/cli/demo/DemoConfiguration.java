package io.jenkins.plugins.releasepromotion.cli.demo;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.ShellQuote;
import java.nio.file.Path;

/** The demo's {@code release-promotion.yaml}: the configuration document a team would write, with real values. */
final class DemoConfiguration {
    private DemoConfiguration() {}

    static String yaml(
            Path root,
            Path stagingScript,
            int stagingPrefix,
            int productionPort,
            DemoSshHost ssh,
            Path productionScript) {
        return """
                # The demo: two staging slots deployed by a local script, production over SSH with a pinned host key.
                mainBranch: main
                changelog: CHANGELOG.md
                environments:
                  - name: staging
                    kind: staging
                    slots: 2
                    url: http://127.0.0.1:${STAGING_PORT_PREFIX}{slot}
                    deploy:
                      script:
                        command: [${STAGING_SCRIPT}, "{slot}", "{tag}"]
                        timeout: 2m
                    checks:
                      # Health checks pass
                      - {type: health, consecutive: 2, retries: 8, backoff: PT0.2S, timeout: 5s}
                      # The slot runs the tag and commit that were deployed
                      - {type: version, retries: 4, backoff: PT0.2S}
                      # Key user flows work (login, dashboard, campaigns)
                      - type: flows
                        name: key-user-flows
                        requests:
                          - {name: login, method: POST, path: /api/login, credentialsId: demo-user, expectStatus: 200, expectJson: [{pointer: /user/name, value: demo}]}
                          - {name: dashboard, path: /api/dashboard, credentialsId: demo-user, expectStatus: 200}
                          - {name: campaigns, path: /api/campaigns, credentialsId: demo-user, expectStatus: 200}

                  - name: production
                    kind: production
                    url: http://127.0.0.1:${PRODUCTION_PORT}
                    deploy:
                      ssh:
                        host: ${SSH_HOST}
                        port: ${SSH_PORT}
                        user: deploy
                        credentialsId: production-deploy-key
                        knownHosts: ${KNOWN_HOSTS}
                        directory: ${DIRECTORY}
                        command: ${COMMAND}
                        connectTimeout: 10s
                        commandTimeout: 2m
                    checks:
                      - {type: version, retries: 4, backoff: PT0.2S}
                      - {type: health, consecutive: 2, retries: 8, backoff: PT0.2S, timeout: 5s}
                      # No critical errors in the app's log on the production host
                      - type: logs
                        name: no-critical-errors
                        command: [tail, -n, "200", .sample/app.log]
                        failurePatterns: ['(?i)\\bFATAL\\b', 'Exception in thread']
                    gates:
                      promotesFrom: staging
                      maxAttestationAge: 1d
                      liveVersion: require
                      approvers: [alice]
                    bake:
                      duration: 2s
                      interval: PT0.5S
                """
                .replace("${STAGING_PORT_PREFIX}", Integer.toString(stagingPrefix))
                .replace("${STAGING_SCRIPT}", quoted(stagingScript.toString()))
                .replace("${PRODUCTION_PORT}", Integer.toString(productionPort))
                .replace("${SSH_HOST}", ssh.host())
                .replace("${SSH_PORT}", Integer.toString(ssh.port()))
                .replace("${KNOWN_HOSTS}", quoted(ssh.knownHostsLine()))
                .replace(
                        "${DIRECTORY}",
                        quoted(root.resolve("production-host/job-search-project")
                                .toString()))
                .replace("${COMMAND}", quoted(ShellQuote.quote(productionScript.toString()) + " {tag}"));
    }

    /** A YAML single-quoted scalar: every character literal, a quote doubled. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
