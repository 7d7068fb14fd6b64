package io.jenkins.plugins.releasepromotion.vars;

import java.util.List;
import java.util.Map;

/** {@code currentBuild} as the vars read it: who started the build, how long it runs, its description. */
public final class FakeBuild implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String startedBy;
    private long duration;
    private String description;
    private String result;

    FakeBuild(String startedBy) {
        this.startedBy = startedBy;
    }

    public List<Map<String, Object>> getBuildCauses(String type) {
        if (startedBy == null || !"hudson.model.Cause$UserIdCause".equals(type)) {
            return List.of();
        }
        return List.of(Map.of("_class", type, "userId", startedBy, "shortDescription", "Started by " + startedBy));
    }

    public long getDuration() {
        return duration;
    }

    void advance(long millis) {
        duration += millis;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getResult() {
        return result;
    }

    /** As Jenkins reports it while the build runs: SUCCESS until something failed it. */
    public String getCurrentResult() {
        return result == null ? "SUCCESS" : result;
    }

    public void setResult(String result) {
        this.result = result;
    }
}
