package io.jenkins.plugins.tglive;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.tglive.run.aws.CredentialsSource;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The base AWS credentials of a unit step: the AWS default chain of the controller when no credentials
 * id is set, otherwise the Jenkins {@link AmazonWebServicesCredentials} of that id, found as the build
 * sees it (folder and job credentials included) and recorded as used by the build. The account's
 * plan and apply roles are assumed on top of them by the engine.
 */
final class AwsCredentialsLookup {

  private AwsCredentialsLookup() {}

  /**
   * The credentials {@code id} names for {@code build}; the default chain for a null id.
   *
   * @param step the step's function name, for messages
   * @throws AbortException naming the id when no credentials of that id are visible to the build, or
   *     when they are not AWS credentials
   */
  static CredentialsSource source(String id, Run<?, ?> build, String step) throws AbortException {
    if (id == null) {
      return new CredentialsSource.DefaultChain();
    }
    IdCredentials found = CredentialsProvider.findCredentialById(id, IdCredentials.class, build);
    if (found == null) {
      throw new AbortException(step + ": credentialsId '" + id + "': no credentials with this id are visible to"
          + " this build (Manage Jenkins » Credentials, or the credentials of the job's folders)");
    }
    if (!(found instanceof AmazonWebServicesCredentials aws)) {
      throw new AbortException(step + ": credentialsId '" + id + "' holds " + kind(found)
          + ", not AWS credentials (kind 'AWS Credentials' of the aws-credentials plugin)");
    }
    CredentialsProvider.track(build, aws);
    return new CredentialsSource.Provided(id, aws);
  }

  /** What kind of credentials {@code credentials} are, for messages; never their secret. */
  static String kind(IdCredentials credentials) {
    if (credentials instanceof StandardUsernamePasswordCredentials) {
      return "a username with password";
    }
    if (credentials instanceof StringCredentials) {
      return "a secret text";
    }
    return "credentials of another kind";
  }
}
