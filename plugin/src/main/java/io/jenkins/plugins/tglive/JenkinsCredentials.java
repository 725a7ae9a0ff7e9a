package io.jenkins.plugins.tglive;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Credentials of the controller's global scope, looked up as the system (the global configuration's
 * notification secrets, the credentials id fields of its forms). A build's own credentials ids are
 * resolved for the build instead ({@link AwsCredentialsLookup}).
 */
final class JenkinsCredentials {

  private JenkinsCredentials() {}

  /** The global credentials of {@code type} with id {@code id}, or null. */
  static <C extends StandardCredentials> C find(Class<C> type, String id) {
    return all(type).stream().filter(c -> id.equals(c.getId())).findFirst().orElse(null);
  }

  /**
   * The choices of a credentials id field: none, every global credentials of {@code type}, the current
   * value; only the current value for a user who does not administer Jenkins.
   */
  static ListBoxModel choices(Class<? extends StandardCredentials> type, String current) {
    StandardListBoxModel model = new StandardListBoxModel();
    if (administers()) {
      model.includeEmptyValue().withAll(all(type));
    }
    if (current != null && !current.isBlank()) {
      model.includeCurrentValue(current);
    }
    return model;
  }

  /**
   * An error naming {@code id} when no global credentials of {@code type} have it; ok when blank, and
   * for a user who does not administer Jenkins (who may not learn which ids exist).
   */
  static FormValidation check(Class<? extends StandardCredentials> type, String kind, String id) {
    if (id == null || id.isBlank() || !administers() || find(type, id.strip()) != null) {
      return FormValidation.ok();
    }
    return FormValidation.error("no " + kind + " with id '" + id.strip() + "' in the global credentials");
  }

  private static boolean administers() {
    return Jenkins.get().getACL().hasPermission(Jenkins.ADMINISTER);
  }

  private static <C extends StandardCredentials> List<C> all(Class<C> type) {
    // null: the root of Jenkins
    return CredentialsProvider.lookupCredentialsInItemGroup(type, null, ACL.SYSTEM2, List.of());
  }
}
