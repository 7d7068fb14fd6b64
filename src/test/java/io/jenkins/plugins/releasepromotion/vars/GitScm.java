package io.jenkins.plugins.releasepromotion.vars;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * {@code scm} as a Jenkinsfile read from a git repository sees it: the job's {@code hudson.plugins.git.GitSCM}, of which
 * the library reads only the remote configurations.
 */
public final class GitScm implements Serializable {
    private static final long serialVersionUID = 1L;

    public List<Map<String, String>> getUserRemoteConfigs() {
        return List.of(Map.of("url", "https://git.example.com/app.git"));
    }

    @Override
    public String toString() {
        return "GitSCM https://git.example.com/app.git";
    }
}
