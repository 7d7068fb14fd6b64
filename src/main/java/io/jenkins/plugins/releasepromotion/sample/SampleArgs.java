package io.jenkins.plugins.releasepromotion.sample;

import java.nio.file.Path;
import java.util.Map;

/** The sample app's command line. */
record SampleArgs(SampleConfig config, Path portFile, Path pidFile) {
    static final String USAGE = "Usage: SampleApp --dir <deployment dir> [--port <n, 0 for any>] [--environment <name>]"
            + " [--slot <n>] [--port-file <file>] [--pid-file <file>]";

    static SampleArgs parse(String[] args, Map<String, String> env) {
        Path dir = null;
        int port = 0;
        String environment = "staging";
        Integer slot = null;
        Path portFile = null;
        Path pidFile = null;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value.");
            }
            String value = args[i + 1];
            switch (option) {
                case "--dir" -> dir = Path.of(value).toAbsolutePath();
                case "--port" -> port = number(option, value);
                case "--environment" -> environment = value;
                case "--slot" -> slot = value.isEmpty() ? null : number(option, value);
                case "--port-file" -> portFile = Path.of(value);
                case "--pid-file" -> pidFile = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + option + ".");
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required: the deployment directory to serve.");
        }
        String username = env.getOrDefault("SAMPLE_USERNAME", SampleConfig.DEFAULT_USERNAME);
        String password = env.getOrDefault("SAMPLE_PASSWORD", SampleConfig.DEFAULT_PASSWORD);
        return new SampleArgs(new SampleConfig(dir, port, environment, slot, username, password), portFile, pidFile);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'.", e);
        }
    }
}
