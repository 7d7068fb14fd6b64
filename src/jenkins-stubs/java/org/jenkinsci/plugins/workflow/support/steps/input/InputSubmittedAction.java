// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.support.steps.input;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.PersistentAction;

// InputSubmittedAction, pipeline-input-step 560.v56198a_642157: added to the input step's flow node when it proceeds.
public class InputSubmittedAction implements PersistentAction {
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final String approver;

    public InputSubmittedAction(String approver, Map<String, Object> parameters) {
        this.approver = approver;
        if (parameters != null) {
            this.parameters.putAll(parameters);
        }
    }

    public Map<String, Object> getParameters() {
        return parameters;
    }

    public String getApprover() {
        return approver;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Input Submitted";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
