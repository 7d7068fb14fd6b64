package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import java.io.IOException;

/** A job and one of its builds. */
final class TestBuild extends Run<TestBuild.TestJob, TestBuild> {

    TestBuild(String job, int number) throws IOException {
        super(new TestJob(job));
        this.number = number;
    }

    static final class TestJob extends Job<TestJob, TestBuild> {
        TestJob(String name) {
            super((ItemGroup) null, name);
        }

        @Override
        public ACL getACL() {
            return new ACL() {};
        }
    }
}
