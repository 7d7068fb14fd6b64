package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of a {@link VerificationReport}. Unknown fields are ignored when reading, so a report written by a
 * newer version still reads.
 */
final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ReportJson() {}

    static String write(VerificationReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the verification report as JSON", e);
        }
    }

    static VerificationReport read(String json) {
        try {
            return MAPPER.readValue(json, VerificationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not a verification report: "
                            + e.getOriginalMessage().lines().findFirst().orElse("") + "; give"
                            + " the JSON a verification wrote",
                    e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a verification report: " + e.getMessage(), e);
        }
    }
}
