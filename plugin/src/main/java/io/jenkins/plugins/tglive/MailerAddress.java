package io.jenkins.plugins.tglive;

import hudson.model.User;
import hudson.tasks.Mailer;
import java.util.Optional;

/**
 * A Jenkins user's e-mail address from the mailer plugin's user property. The mailer plugin is an
 * optional dependency: this class is loaded only once {@link JenkinsVoterDirectory} found the plugin.
 */
final class MailerAddress {

  private MailerAddress() {}

  /** The address of user {@code id}, empty for an unknown user or one without an address. */
  static Optional<String> of(String id) {
    User user = User.getById(id, false);
    if (user == null) {
      return Optional.empty();
    }
    Mailer.UserProperty property = user.getProperty(Mailer.UserProperty.class);
    return property == null ? Optional.empty() : Optional.ofNullable(property.getAddress()).filter(a -> !a.isBlank());
  }
}
