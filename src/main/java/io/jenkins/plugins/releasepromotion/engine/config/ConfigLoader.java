package io.jenkins.plugins.releasepromotion.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads the configuration from YAML and checks it whole: every problem is collected and reported together in one
 * {@link ConfigException}, each naming its field path, e.g. {@code environments[1].deploy.ssh.knownHosts}.
 */
public final class ConfigLoader {
    /** A configuration is a few kilobytes; anything near this limit is a mistake or an attack. */
    public static final int MAX_DOCUMENT_CHARS = 1024 * 1024;

    private ConfigLoader() {}

    /**
     * Loads and validates a YAML file (UTF-8).
     *
     * @throws ConfigException naming the file and every problem in it
     */
    public static ReleaseConfig load(Path yamlFile) {
        String source = yamlFile.toString();
        try {
            if (Files.isDirectory(yamlFile)) {
                throw problem(source, "is a directory; give the path of the YAML file");
            }
            long size = Files.size(yamlFile);
            if (size > MAX_DOCUMENT_CHARS) {
                throw problem(source, tooLarge(size + " bytes"));
            }
            return parse(Files.readString(yamlFile, StandardCharsets.UTF_8), source);
        } catch (NoSuchFileException e) {
            throw problem(source, "the file does not exist; check the path or create it");
        } catch (CharacterCodingException e) {
            throw problem(source, "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw problem(
                    source, "the file cannot be read (" + e.getClass().getSimpleName() + "); check its permissions");
        }
    }

    /**
     * Parses and validates YAML text.
     *
     * @param sourceName where the text came from, for the messages (a file path, "Jenkins global configuration")
     * @throws ConfigException naming the source and every problem in it
     */
    public static ReleaseConfig parse(String yaml, String sourceName) {
        Objects.requireNonNull(yaml, "yaml");
        if (yaml.length() > MAX_DOCUMENT_CHARS) {
            throw problem(sourceName, tooLarge(yaml.length() + " characters"));
        }
        Problems problems = new Problems();
        JsonNode root = YamlTree.read(yaml, problems);
        if (root != null && !root.isObject()) {
            problems.add(
                    "",
                    "the top level must be a mapping with the fields tagPattern, mainBranch, changelog and"
                            + " environments, not " + (root.isArray() ? "a list" : "a single value"));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(sourceName, problems.lines());
        }
        ReleaseConfig config = ConfigBinder.bind(root, problems);
        ConfigValidator.validate(config, problems);
        return accepted(config, problems, sourceName);
    }

    /**
     * Checks a configuration built another way (e.g. from the Jenkins global configuration form) by the same rules.
     *
     * @throws ConfigException naming the source and every problem in it
     */
    public static ReleaseConfig validate(ReleaseConfig config, String sourceName) {
        Problems problems = new Problems();
        ConfigValidator.validate(config, problems);
        return accepted(config, problems, sourceName);
    }

    private static ReleaseConfig accepted(ReleaseConfig config, Problems problems, String sourceName) {
        if (!problems.isEmpty()) {
            throw new ConfigException(sourceName, problems.lines());
        }
        return config;
    }

    private static String tooLarge(String size) {
        return "the document is " + size + ", more than the limit of " + MAX_DOCUMENT_CHARS
                + " (1 MiB); a configuration needs a few kilobytes";
    }

    private static ConfigException problem(String source, String problem) {
        return new ConfigException(source, List.of(problem));
    }
}
