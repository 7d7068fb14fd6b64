// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.flow;

// workflow-api 1413.v2ff1a_5e720fa_: the running program of a Pipeline build, owner of its flow graph.
public abstract class FlowExecution {}
