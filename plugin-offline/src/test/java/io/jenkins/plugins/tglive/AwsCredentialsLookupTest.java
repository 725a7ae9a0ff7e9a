package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * A unit step's credentials id, resolved for the build as credentials-binding does (find, type check,
 * track): the Jenkins AWS credentials become the engine's base credentials; a missing id or another
 * kind of credentials fails the step naming the id.
 */
class AwsCredentialsLookupTest {

  private final Run<?, ?> build = mock(Run.class);
  private final Map<String, IdCredentials> store = new HashMap<>();
  private final List<Credentials> tracked = new ArrayList<>();
  private MockedStatic<CredentialsProvider> provider;

  @BeforeEach
  void credentialsOfTheBuild() {
    provider = mockStatic(CredentialsProvider.class);
    provider.when(() -> CredentialsProvider.findCredentialById(anyString(),
        eq(IdCredentials.class), same(build)))
        .thenAnswer(invocation -> store.get(invocation.<String>getArgument(0)));
    provider.when(() -> CredentialsProvider.track(same(build),
        any(Credentials.class))).thenAnswer(invocation -> {
          tracked.add(invocation.getArgument(1));
          return invocation.getArgument(1);
        });
  }

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void noIdMeansTheAwsDefaultChain() throws Exception {
    assertThat(AwsCredentialsLookup.source(null, build, "tgPlanPath")).isEqualTo(new CredentialsSource.DefaultChain());
    assertThat(tracked).isEmpty();
  }

  @Test
  void awsCredentialsBecomeTheBaseCredentialsAndAreTrackedAsUsedByTheBuild() throws Exception {
    AmazonWebServicesCredentials aws = mock(AmazonWebServicesCredentials.class);
    when(aws.resolveCredentials()).thenReturn(AwsBasicCredentials.create("AKIAPROD", "prod-secret-access-key"));
    store.put("aws-prod", aws);
    Secrets secrets = new Secrets();

    CredentialsSource source = AwsCredentialsLookup.source("aws-prod", build, "tgPlanPath");

    assertThat(source).hasToString("Provided[aws-prod]");
    assertThat(source.provider(secrets).resolveCredentials().accessKeyId()).isEqualTo("AKIAPROD");
    assertThat(secrets.redact("prod-secret-access-key")).isEqualTo("****");
    assertThat(tracked).containsExactly(aws);
  }

  @Test
  void aMissingIdFailsTheStepNamingIt() {
    assertThat(abort(() -> AwsCredentialsLookup.source("aws-gone", build, "tgApplyPath")))
        .isEqualTo("tgApplyPath: credentialsId 'aws-gone': no credentials with this id are visible to this build"
            + " (Manage Jenkins » Credentials, or the credentials of the job's folders)");
  }

  @Test
  void credentialsOfAnotherKindFailTheStepNamingTheIdAndTheirKindButNoSecret() {
    store.put("webhook", mock(StringCredentials.class));

    assertThat(abort(() -> AwsCredentialsLookup.source("webhook", build, "tgPlanPath")))
        .isEqualTo("tgPlanPath: credentialsId 'webhook' holds a secret text, not AWS credentials (kind 'AWS"
            + " Credentials' of the aws-credentials plugin)");
    assertThat(tracked).isEmpty();
  }

  /** The message of the {@link AbortException} {@code call} throws (the stub's constructor is replaced). */
  private static String abort(ThrowingCall call) {
    List<String> messages = new ArrayList<>();
    try (MockedConstruction<AbortException> aborts = mockConstruction(AbortException.class,
        (abort, construction) -> messages.add((String) construction.arguments().get(0)))) {
      assertThatThrownBy(call::run).isInstanceOf(AbortException.class);
    }
    return messages.get(0);
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
