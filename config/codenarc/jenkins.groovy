// CodeNarc's Jenkins rules (CPS and serialization problems) for the shared library and the Jenkinsfile template.
ruleset {
    ruleset('rulesets/jenkins.xml')
}
