// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

public interface PersistentAction extends Action {}
