package io.jenkins.plugins.tglive;

import hudson.security.GroupDetails;
import io.tglive.approval.notify.VoterDirectory;
import java.util.Collection;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Jenkins' lookups for gate notifications: a group's members from the security realm
 * ({@code loadGroupByGroupname2(name, true)}; null when the realm does not list members), a user's
 * address from the mailer plugin's user property when that plugin is installed. What to do with
 * them is the engine's ({@link io.tglive.approval.notify.VoterAddresses}).
 */
final class JenkinsVoterDirectory implements VoterDirectory {

  static final JenkinsVoterDirectory INSTANCE = new JenkinsVoterDirectory();

  /** The mailer plugin's short name. */
  static final String MAILER = "mailer";

  private JenkinsVoterDirectory() {}

  @Override
  public Collection<String> members(String group) {
    GroupDetails details;
    try {
      details = Jenkins.get().getSecurityRealm().loadGroupByGroupname2(group, true);
    } catch (UsernameNotFoundException e) {
      throw new IllegalStateException("the security realm answered " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
    return details == null ? null : details.getMembers();
  }

  @Override
  public Optional<String> address(String user) {
    return Jenkins.get().getPlugin(MAILER) == null ? Optional.empty() : MailerAddress.of(user);
  }
}
