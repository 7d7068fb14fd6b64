package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The JSON schemas of docs/schema, which docs/cli.md documents: every --json output must match its schema. */
public final class Schemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DIR = Path.of("docs", "schema");

    private Schemas() {}

    /** Parses {@code json}, checks it against {@code docs/schema/<name>.schema.json}, and returns it. */
    public static JsonNode matches(String name, String json) {
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".schema.json"))) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
            JsonNode node = MAPPER.readTree(json);
            Set<ValidationMessage> problems = schema.validate(node);
            assertThat(problems)
                    .as("%s output against its schema:%n%s", name, json)
                    .isEmpty();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
