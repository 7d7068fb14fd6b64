// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.graphanalysis;

public class DepthFirstScanner extends AbstractFlowScanner {}
