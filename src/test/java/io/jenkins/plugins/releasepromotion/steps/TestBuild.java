package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.Permission;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;

/** A job and one of its builds. */
final class TestBuild extends Run<TestBuild.TestJob, TestBuild> {

    TestBuild(String job, int number) throws IOException {
        super(new TestJob(job));
        this.number = number;
    }

    /** A job whose users have exactly the permissions granted to it. */
    static final class TestJob extends Job<TestJob, TestBuild> {
        private final Set<Permission> granted;

        TestJob(String name, Permission... granted) {
            super((ItemGroup) null, name);
            this.granted = Set.of(granted);
        }

        @Override
        public ACL getACL() {
            return new ACL() {
                @Override
                public boolean hasPermission2(Authentication a, Permission permission) {
                    return granted.contains(permission);
                }
            };
        }
    }
}
