// Our own small emulation of Declarative Pipeline for the CPS check of the Jenkinsfile template, in CPS-transformed
// Groovy like Declarative's own interpreter: the sections are read through delegates, then run in order. A stage's
// options (lock, timeout) wrap its agent, its post runs in its agent, the pipeline's post runs last.

class Sections implements Serializable {
    Map found = [:]
    List entries = []

    // Declarative parses 'agent none' and 'agent any' before anything runs; here the reader answers them.
    String getNone() { 'none' }
    String getAny() { 'any' }
    def agent(Object how) { found.agent = how }
    def options(Closure body) { found.options = body }
    def parameters(Closure body) { found.parameters = body }
    def stages(Closure body) { found.stages = body }
    def steps(Closure body) { found.steps = body }
    def post(Closure body) { found.post = body }
    def stage(String name, Closure body) { entries << [name: name, body: body] }
    def label(String label) { found.label = label }
    def lock(Map args) { entries << [name: 'lock', args: args] }
    def timeout(Map args) { entries << [name: 'timeout', args: args] }
    def disableConcurrentBuilds() { entries << [name: 'disableConcurrentBuilds'] }
    def skipDefaultCheckout() { entries << [name: 'skipDefaultCheckout'] }
    def string(Map args) { entries << [name: 'string', args: args] }
    def booleanParam(Map args) { entries << [name: 'booleanParam', args: args] }
    def always(Closure body) { found.always = body }
    def success(Closure body) { found.success = body }
    def failure(Closure body) { found.failure = body }
    def unsuccessful(Closure body) { found.unsuccessful = body }
}

def call(Closure body) {
    Sections pipeline = read(body)
    String label = agentLabel(pipeline.found.agent)
    boolean skip = skipsDefaultCheckout(pipeline)
    withPost(pipeline.found.post) {
        if (label == null) {
            runStages(pipeline, skip)
        } else {
            node(label) { runStages(pipeline, skip) }
        }
    }
}

void runStages(Sections pipeline, boolean skip) {
    for (Map stage in read(pipeline.found.stages).entries) {
        runStage(stage.name, stage.body, skip)
    }
}

// A stage's agent starts with checkout(scm) unless the pipeline's or the stage's options skip it.
void runStage(String name, Closure body, boolean skip) {
    Sections spec = read(body)
    String label = agentLabel(spec.found.agent)
    List wrappers = spec.found.options ? read(spec.found.options).entries : []
    boolean checkout = !skip && !skipsDefaultCheckout(spec)
    stage(name) {
        wrap(wrappers, 0) {
            if (label == null) {
                withPost(spec.found.post, spec.found.steps)
            } else {
                node(label) {
                    if (checkout) {
                        checkout(scm)
                    }
                    withPost(spec.found.post, spec.found.steps)
                }
            }
        }
    }
}

boolean skipsDefaultCheckout(Sections spec) {
    if (!spec.found.options) {
        return false
    }
    for (Map option in read(spec.found.options).entries) {
        if (option.name == 'skipDefaultCheckout') {
            return true
        }
    }
    return false
}

void wrap(List wrappers, int index, Closure body) {
    if (index == wrappers.size()) {
        body()
    } else if (wrappers[index].name == 'lock') {
        lock(wrappers[index].args) { wrap(wrappers, index + 1, body) }
    } else if (wrappers[index].name == 'timeout') {
        timeout(wrappers[index].args) { wrap(wrappers, index + 1, body) }
    } else {
        wrap(wrappers, index + 1, body)
    }
}

void withPost(Closure post, Closure body) {
    Sections conditions = post ? read(post) : new Sections()
    try {
        body()
    } catch (err) {
        if (conditions.found.failure) {
            conditions.found.failure.call()
        }
        if (conditions.found.unsuccessful) {
            conditions.found.unsuccessful.call()
        }
        if (conditions.found.always) {
            conditions.found.always.call()
        }
        throw err
    }
    if (conditions.found.success) {
        conditions.found.success.call()
    }
    if (conditions.found.always) {
        conditions.found.always.call()
    }
}

String agentLabel(Object agent) {
    if (agent == null || agent == 'none') {
        return null
    }
    if (agent == 'any') {
        return ''
    }
    return read(agent).found.label
}

Sections read(Closure body) {
    Sections sections = new Sections()
    body.delegate = sections
    body.resolveStrategy = Closure.DELEGATE_FIRST
    body.call()
    // Read, the sections run as written: their names resolve in the Jenkinsfile again, not in the reader.
    body.resolveStrategy = Closure.OWNER_FIRST
    return sections
}
