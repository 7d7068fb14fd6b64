package io.jenkins.plugins.releasepromotion.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The environments and repository conventions, defined once by an admin. The fields have the names and nesting of the
 * command line's configuration file, so Configuration as Code takes the same YAML under
 * {@code unclassified: releasePromotion:}; the engine reads it through the same loader and the same rules.
 */
@Extension
@Symbol("releasePromotion")
public class ReleasePromotionConfiguration extends GlobalConfiguration {
    /** Where the messages say the configuration came from. */
    public static final String SOURCE = "the Release Promotion global configuration";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private String tagPattern;
    private String mainBranch;
    private String changelog;
    private String ledgerDirectory;
    private String ledgerUrl;
    private String ledgerCredentialsId;
    private String ledgerKeyCredentialsId;
    private List<Environment> environments = new ArrayList<>();

    public ReleasePromotionConfiguration() {
        load();
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleasePromotionConfiguration_DisplayName();
    }

    public static ReleasePromotionConfiguration get() {
        return ExtensionList.lookupSingleton(ReleasePromotionConfiguration.class);
    }

    public String getTagPattern() {
        return tagPattern;
    }

    @DataBoundSetter
    public void setTagPattern(String tagPattern) {
        this.tagPattern = Lines.blankToNull(tagPattern);
        save();
    }

    public String getMainBranch() {
        return mainBranch;
    }

    @DataBoundSetter
    public void setMainBranch(String mainBranch) {
        this.mainBranch = Lines.blankToNull(mainBranch);
        save();
    }

    public String getChangelog() {
        return changelog;
    }

    @DataBoundSetter
    public void setChangelog(String changelog) {
        this.changelog = Lines.blankToNull(changelog);
        save();
    }

    /** Where the ledger's files live; empty means {@code release-promotion/ledger} under {@code JENKINS_HOME}. */
    public String getLedgerDirectory() {
        return ledgerDirectory;
    }

    @DataBoundSetter
    public void setLedgerDirectory(String ledgerDirectory) {
        this.ledgerDirectory = Lines.blankToNull(ledgerDirectory);
        save();
    }

    /** The shared PostgreSQL ledger, {@code postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=MODE]}; none by default. */
    public String getLedgerUrl() {
        return ledgerUrl;
    }

    @DataBoundSetter
    public void setLedgerUrl(String ledgerUrl) {
        this.ledgerUrl = Lines.blankToNull(ledgerUrl);
        save();
    }

    /** The username-with-password credential the shared ledger is opened with. */
    public String getLedgerCredentialsId() {
        return ledgerCredentialsId;
    }

    @DataBoundSetter
    public void setLedgerCredentialsId(String ledgerCredentialsId) {
        this.ledgerCredentialsId = Lines.blankToNull(ledgerCredentialsId);
        save();
    }

    /** The Secret text credential holding the ledger key(s) records are signed and checked with; none by default. */
    public String getLedgerKeyCredentialsId() {
        return ledgerKeyCredentialsId;
    }

    @DataBoundSetter
    public void setLedgerKeyCredentialsId(String ledgerKeyCredentialsId) {
        this.ledgerKeyCredentialsId = Lines.blankToNull(ledgerKeyCredentialsId);
        save();
    }

    public List<Environment> getEnvironments() {
        return new ArrayList<>(environments);
    }

    @DataBoundSetter
    public void setEnvironments(List<Environment> environments) {
        this.environments = environments == null ? new ArrayList<>() : new ArrayList<>(environments);
        save();
    }

    /**
     * Binds the form and keeps it only if it passes the engine's rules. A form whose environment rows were all deleted
     * sends no environments at all, so the list is emptied first; the fields are then set through their setters, as
     * Configuration as Code sets them, inside a {@link BulkChange} so nothing is written before the check. A refused
     * form leaves the configuration as it was, in memory and on disk.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        FormFields before = FormFields.of(this);
        try (BulkChange change = new BulkChange(this)) {
            environments = new ArrayList<>();
            req.bindJSON(this, json);
            refuseBroken();
            change.commit();
        } catch (FormException | RuntimeException e) {
            before.restore(this);
            throw e;
        } catch (IOException e) {
            before.restore(this);
            throw new FormException(e.getMessage(), e, "environments");
        }
        return true;
    }

    /** Nothing set up yet is not an error: the page holds every plugin's settings, and must save without ours. */
    private void refuseBroken() throws FormException {
        if (ledgerDirectory != null && !Path.of(ledgerDirectory.strip()).isAbsolute()) {
            throw new FormException(
                    Messages.ReleasePromotionConfiguration_LedgerDirectoryAbsolute(), "ledgerDirectory");
        }
        String badUrl = GlobalForms.problemOf(ledgerUrl);
        if (badUrl != null) {
            throw new FormException(badUrl, "ledgerUrl");
        }
        try {
            if (environments.isEmpty()) {
                TagPattern.of(tagPattern);
            } else {
                toReleaseConfig();
            }
        } catch (ConfigException e) {
            throw new FormException(e.getMessage(), "environments");
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), "tagPattern");
        }
    }

    /** The configuration as the command line's YAML file would hold it (the ledger settings are Jenkins' own). */
    public String toYaml() {
        Tree tree = new Tree()
                .put("tagPattern", tagPattern)
                .put("mainBranch", mainBranch)
                .put("changelog", changelog)
                .putAll("environments", environments);
        try {
            return YAML.writeValueAsString(tree.map());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The engine's view, checked by the same rules as the command line's file.
     *
     * @throws io.jenkins.plugins.releasepromotion.engine.config.ConfigException naming every problem
     */
    public ReleaseConfig toReleaseConfig() {
        return ConfigLoader.parse(toYaml(), SOURCE);
    }

    public Path ledgerPath() {
        if (ledgerDirectory != null) {
            return Path.of(ledgerDirectory);
        }
        return new File(Jenkins.get().getRootDir(), "release-promotion/ledger").toPath();
    }

    @POST
    public FormValidation doCheckTagPattern(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return GlobalForms.checkTagPattern(value);
    }

    @POST
    public FormValidation doCheckLedgerDirectory(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return GlobalForms.checkLedgerDirectory(value);
    }

    @POST
    public FormValidation doCheckLedgerUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String problem = GlobalForms.problemOf(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    @POST
    public FormValidation doCheckLedgerCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return GlobalForms.checkLogin(value);
    }

    @POST
    public ListBoxModel doFillLedgerCredentialsIdItems(@QueryParameter String ledgerCredentialsId) {
        return CredentialsItems.ledgerLogins(ledgerCredentialsId);
    }

    @POST
    public FormValidation doCheckLedgerKeyCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return LedgerKeyCredential.check(value);
    }

    @POST
    public ListBoxModel doFillLedgerKeyCredentialsIdItems(@QueryParameter String ledgerKeyCredentialsId) {
        return CredentialsItems.ledgerKeys(ledgerKeyCredentialsId);
    }
}
