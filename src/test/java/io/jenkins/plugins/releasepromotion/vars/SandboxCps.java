package io.jenkins.plugins.releasepromotion.vars;

import com.cloudbees.groovy.cps.CpsTransformer;
import com.cloudbees.groovy.cps.sandbox.Untrusted;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.FieldNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.SourceUnit;
import org.kohsuke.groovy.sandbox.SandboxTransformer;

/**
 * The CPS transformer of a sandboxed Pipeline, on groovy-sandbox 1.19 (the last on Maven Central; groovy-cps 1.31's
 * own SandboxCpsTransformer needs 1.21). As there, every call site the CPS transformer writes is tagged untrusted, so
 * the program's SandboxInvoker sends it through groovy-sandbox's Checker to the interceptor; what the CPS transformer
 * leaves alone (constructors, field initializers) is sandboxed by groovy-sandbox's own transformer. Casts are checked
 * in the plain sandbox run only.
 */
final class SandboxCps extends CpsTransformer {
    private final SandboxTransformer sandbox = new SandboxTransformer();
    private ClassCodeExpressionTransformer visitor;

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        visitor = sandbox.createVisitor(source, classNode);
        super.call(source, context, classNode);
    }

    @Override
    protected void processConstructors(ClassNode classNode) {
        sandbox.processConstructors(visitor, classNode);
    }

    @Override
    protected void visitNontransformedMethod(MethodNode method) {
        visitor.visitMethod(method);
    }

    @Override
    protected void visitNontransformedField(FieldNode field) {
        visitor.visitField(field);
    }

    @Override
    protected void visitNontransformedStatement(Statement statement) {
        statement.visit(visitor);
    }

    @Override
    protected Class<?> getTrustTag() {
        return Untrusted.class;
    }
}
