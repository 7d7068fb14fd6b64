package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.config.StaplerConverters;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The Snippet Generator builds the step from its form with {@code descriptor.newInstance(req, json)}
 * (workflow-cps {@code Snippetizer.doGenerateSnippet}, e007b7ff line 528), which binds through Stapler (core
 * {@code Descriptor.newInstance}, jenkins-2.541.3 lines 590-647), and then writes every parameter that is set.
 */
class PromoteTagFormTest {

    private static JSONObject form(String autoRollback) {
        JSONObject json = new JSONObject();
        json.put("tag", "v1.2.3");
        json.put("environment", "production");
        json.put("autoRollback", autoRollback);
        return json;
    }

    private static PromoteTagStep fromForm(String autoRollback) throws Exception {
        return (PromoteTagStep)
                new PromoteTagStep.DescriptorImpl().newInstance(new StaplerFormRequest(), form(autoRollback));
    }

    @Test
    void staplerBindsAnEmptyChoiceToFalseForABoolean() {
        // Stapler registers null-defaulting converters for Integer, Float and Double only (Stapler.java lines
        // 1268-1271); a Boolean goes through commons-beanutils 1.11.0's BooleanConverter, whose default is FALSE
        assertThat(StaplerConverters.convert("", Boolean.class)).isEqualTo(Boolean.FALSE);
        assertThat(StaplerConverters.convert("", Integer.class)).isNull();
        assertThat(new StaplerFormRequest()
                        .bindJSON(PromoteTagStep.class, form(""))
                        .getAutoRollback())
                .isEqualTo(Boolean.FALSE);
    }

    @Test
    void theDefaultChoiceLeavesAutoRollbackOut() throws Exception {
        assertThat(fromForm("").getAutoRollback()).isNull();
    }

    @Test
    void onAndOffAreKept() throws Exception {
        assertThat(fromForm("true").getAutoRollback()).isTrue();
        assertThat(fromForm("false").getAutoRollback()).isFalse();
    }

    @Test
    void theChoicesAreDefaultOnAndOff() {
        assertThat(new PromoteTagStep.DescriptorImpl().doFillAutoRollbackItems())
                .extracting(o -> o.value)
                .containsExactly("", "true", "false");
    }
}
