package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The approver's user ID and their groups, which the approval gate matches against the configured approvers.
 *
 * <p>The groups are read as SYSTEM by impersonating the user: {@code User.getAuthorities()} answers an empty list to a
 * thread without Administer, and a step's work runs as the build's identity, which under Authorize Project (or any
 * queue item authenticator) is rarely an administrator. A user Jenkins does not know, or a security realm that cannot
 * be asked, leaves the user ID alone, with a line in the build log.
 */
final class ApproverIdentities {

    private ApproverIdentities() {}

    static Set<String> of(String approvedBy, LogSink log) {
        Set<String> ids = new LinkedHashSet<>();
        if (approvedBy == null || approvedBy.isBlank()) {
            return ids;
        }
        ids.add(approvedBy);
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            User user = User.getById(approvedBy, false);
            if (user == null) {
                log.line(Messages.ApproverIdentities_NoSuchUser(approvedBy));
                return ids;
            }
            for (GrantedAuthority authority : user.impersonate2().getAuthorities()) {
                String group = authority.getAuthority();
                if (group != null
                        && !group.equals(SecurityRealm.AUTHENTICATED_AUTHORITY2.getAuthority())
                        && !group.equals(approvedBy)) {
                    ids.add(group);
                }
            }
        } catch (UsernameNotFoundException e) {
            log.line(Messages.ApproverIdentities_UnknownToRealm(approvedBy));
        } catch (RuntimeException e) {
            // A directory server that cannot be reached: the approval gate then compares the user ID alone.
            log.line(Messages.ApproverIdentities_RealmFailed(
                    approvedBy, e.getClass().getSimpleName()));
        }
        return ids;
    }
}
