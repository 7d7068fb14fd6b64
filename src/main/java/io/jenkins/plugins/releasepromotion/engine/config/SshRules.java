package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a deploy over SSH. The host key is always pinned: there is no option to trust a key on first use,
 * because that is exactly when a man in the middle would be trusted.
 */
final class SshRules {
    private static final String PIN_HINT = "pin the host key with known_hosts lines or a SHA256: fingerprint";
    /** Host names, IPv4 and bracketed IPv6; never a leading '-' that ssh would read as an option. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_\\[][A-Za-z0-9._:\\[\\]-]*");

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    /** OpenSSH prints SHA256 fingerprints as 43 base64 characters without padding. */
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

    private static final Pattern KEY_TYPE = Pattern.compile("[a-z][a-z0-9@.-]*");

    private SshRules() {}

    static void ssh(SshDeployConfig ssh, String path, Problems problems) {
        required(ssh.host(), Problems.child(path, "host"), "the server to deploy to, e.g. production-server", problems);
        required(ssh.user(), Problems.child(path, "user"), "the account to log in as, e.g. deploy", problems);
        required(
                ssh.credentialsId(),
                Problems.child(path, "credentialsId"),
                "the ID of the SSH private key credential",
                problems);
        required(
                ssh.directory(),
                Problems.child(path, "directory"),
                "the checkout on the server, e.g. /home/deploy/production/job-search-project",
                problems);
        shape(ssh.host(), HOST, Problems.child(path, "host"), "is not a host name or address", problems);
        shape(ssh.user(), USER, Problems.child(path, "user"), "is not a user name", problems);
        hostKey(ssh, path, problems);
        for (int i = 0; i < ssh.composeFiles().size(); i++) {
            if (ssh.composeFiles().get(i).isBlank()) {
                problems.add(Problems.index(Problems.child(path, "composeFiles"), i), "blank; name a compose file");
            }
        }
    }

    private static void hostKey(SshDeployConfig ssh, String path, Problems problems) {
        if (ssh.knownHosts() == null && ssh.hostKey() == null) {
            problems.add(Problems.child(path, "knownHosts"), "required (" + PIN_HINT + ")");
        } else if (ssh.knownHosts() != null && ssh.hostKey() != null) {
            problems.add(Problems.child(path, "hostKey"), "give either knownHosts or hostKey, not both");
        } else if (ssh.hostKey() != null
                && !FINGERPRINT.matcher(ssh.hostKey().trim()).matches()) {
            problems.add(
                    Problems.child(path, "hostKey"),
                    "'" + DisplayText.of(ssh.hostKey()) + "' is not a SHA256 fingerprint; write SHA256: and 43"
                            + " base64 characters, as ssh-keygen -lf prints it");
        } else if (ssh.knownHosts() != null) {
            knownHosts(ssh.knownHosts(), Problems.child(path, "knownHosts"), problems);
        }
    }

    private static void knownHosts(String text, String path, Problems problems) {
        List<String> lines = text.lines().toList();
        boolean anyKey = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            anyKey = true;
            if (!isKnownHostsEntry(line)) {
                problems.add(
                        path,
                        "line " + (i + 1) + " '" + DisplayText.of(line) + "' is not a known_hosts entry; each line"
                                + " reads '<host> <key type> <base64 key>', as ssh-keyscan prints it");
            }
        }
        if (!anyKey) {
            problems.add(path, "holds no host key (" + PIN_HINT + ")");
        }
    }

    private static boolean isKnownHostsEntry(String line) {
        String[] fields = line.split("\\s+");
        int first = fields[0].startsWith("@") ? 1 : 0;
        if (fields.length < first + 3 || !KEY_TYPE.matcher(fields[first + 1]).matches()) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(fields[first + 2]).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void required(String value, String path, String meaning, Problems problems) {
        if (value == null || value.isBlank()) {
            problems.add(path, "required; " + meaning);
        }
    }

    private static void shape(String value, Pattern pattern, String path, String problem, Problems problems) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            problems.add(path, "'" + DisplayText.of(value) + "' " + problem);
        }
    }
}
