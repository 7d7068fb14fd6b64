package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Check configurations as a test needs them: short timeouts, only the fields that matter named. */
public final class CheckBuilder {
    private final CheckType type;
    private String name;
    private CheckMode mode;
    private Duration timeout = Duration.ofSeconds(5);
    private int retries;
    private Duration backoff = Duration.ofSeconds(1);
    private String path;
    private int consecutive;
    private List<FlowRequest> requests;
    private String dagId;
    private String airflowUrl;
    private String credentialsId;
    private String auth;
    private Duration deadline;
    private List<String> command;
    private List<String> failurePatterns;
    private List<String> ignorePatterns;
    private String jsonPointer;
    private String expected;
    private Map<String, String> conf;

    private CheckBuilder(CheckType type) {
        this.type = type;
    }

    public static CheckBuilder of(CheckType type) {
        return new CheckBuilder(type);
    }

    public CheckBuilder name(String value) {
        name = value;
        return this;
    }

    public CheckBuilder mode(CheckMode value) {
        mode = value;
        return this;
    }

    public CheckBuilder timeout(Duration value) {
        timeout = value;
        return this;
    }

    public CheckBuilder retries(int value) {
        retries = value;
        return this;
    }

    public CheckBuilder backoff(Duration value) {
        backoff = value;
        return this;
    }

    public CheckBuilder path(String value) {
        path = value;
        return this;
    }

    public CheckBuilder consecutive(int value) {
        consecutive = value;
        return this;
    }

    public CheckBuilder requests(FlowRequest... value) {
        requests = List.of(value);
        return this;
    }

    public CheckBuilder dag(String id, String url, String credentials, String how) {
        dagId = id;
        airflowUrl = url;
        credentialsId = credentials;
        auth = how;
        return this;
    }

    public CheckBuilder deadline(Duration value) {
        deadline = value;
        return this;
    }

    public CheckBuilder conf(Map<String, String> value) {
        conf = value;
        return this;
    }

    public CheckBuilder command(String... argv) {
        command = List.of(argv);
        return this;
    }

    public CheckBuilder patterns(List<String> failures, List<String> ignores) {
        failurePatterns = failures;
        ignorePatterns = ignores;
        return this;
    }

    public CheckBuilder expect(String pointer, String value) {
        jsonPointer = pointer;
        expected = value;
        return this;
    }

    public CheckConfig build() {
        return new CheckConfig(
                type,
                name,
                mode,
                timeout,
                retries,
                backoff,
                path,
                consecutive,
                requests,
                dagId,
                airflowUrl,
                credentialsId,
                auth,
                deadline,
                command,
                failurePatterns,
                ignorePatterns,
                jsonPointer,
                expected,
                conf);
    }
}
