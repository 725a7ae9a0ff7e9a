package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.security.ACL;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

/**
 * The credentials id fields of the global configuration: the form checks name an id that is not
 * global credentials of the right kind, and offer (and check) ids only to administrators.
 */
class JenkinsCredentialsTest {

  private final List<StandardCredentials> global = new ArrayList<>();
  private final ACL acl = mock(ACL.class);
  private MockedStatic<CredentialsProvider> provider;
  private MockedStatic<Jenkins> jenkins;
  private MockedStatic<FormValidation> validation;

  @BeforeEach
  void globalCredentials() {
    provider = mockStatic(CredentialsProvider.class);
    provider.when(() -> CredentialsProvider.lookupCredentialsInItemGroup(any(), eq(null), eq(ACL.SYSTEM2),
        eq(List.of()))).thenAnswer(invocation -> {
          Class<?> type = invocation.getArgument(0);
          return global.stream().filter(type::isInstance).toList();
        });
    Jenkins root = mock(Jenkins.class);
    when(root.getACL()).thenReturn(acl);
    jenkins = mockStatic(Jenkins.class);
    jenkins.when(Jenkins::get).thenReturn(root);
    validation = mockStatic(FormValidation.class);
    global.add(credentials(AmazonWebServicesCredentials.class, "aws-prod"));
    global.add(credentials(StandardUsernamePasswordCredentials.class, "smtp-login"));
    global.add(credentials(StringCredentials.class, "slack-hook"));
  }

  @AfterEach
  void close() {
    validation.close();
    jenkins.close();
    provider.close();
  }

  @Test
  void anIdThatIsNotGlobalCredentialsOfTheFieldsKindIsNamed() {
    when(acl.hasPermission(Jenkins.ADMINISTER)).thenReturn(true);
    AccountConfig.DescriptorImpl accounts = mock(AccountConfig.DescriptorImpl.class, CALLS_REAL_METHODS);
    NotificationConfig.DescriptorImpl notifications = mock(NotificationConfig.DescriptorImpl.class,
        CALLS_REAL_METHODS);

    accounts.doCheckCredentialsId(" aws-prod ");
    accounts.doCheckCredentialsId("");
    accounts.doCheckCredentialsId("smtp-login");
    notifications.doCheckSmtpCredentialsId("aws-prod");
    notifications.doCheckWebhookCredentialsId("slack-hook");
    notifications.doCheckWebhookCredentialsId("slack");

    validation.verify(FormValidation::ok, times(3));
    validation.verify(() -> FormValidation.error("no AWS credentials with id 'smtp-login' in the global credentials"));
    validation.verify(() -> FormValidation.error(
        "no username with password with id 'aws-prod' in the global credentials"));
    validation.verify(() -> FormValidation.error("no secret text with id 'slack' in the global credentials"));
  }

  @Test
  void whoDoesNotAdministerJenkinsLearnsNothingAboutWhichIdsExist() {
    when(acl.hasPermission(Jenkins.ADMINISTER)).thenReturn(false);
    AccountConfig.DescriptorImpl accounts = mock(AccountConfig.DescriptorImpl.class, CALLS_REAL_METHODS);
    List<String> offered = new ArrayList<>();
    try (MockedConstruction<StandardListBoxModel> models = listing(offered)) {
      accounts.doFillCredentialsIdItems("aws-prod");
    }
    accounts.doCheckCredentialsId("no-such-id");

    assertThat(offered).containsExactly("current aws-prod");
    validation.verify(FormValidation::ok);
    validation.verify(() -> FormValidation.error(any()), never());
    provider.verify(() -> CredentialsProvider.lookupCredentialsInItemGroup(any(), any(), any(), any()), never());
  }

  @Test
  void administratorsAreOfferedNoneAndTheGlobalCredentialsOfTheFieldsKind() {
    when(acl.hasPermission(Jenkins.ADMINISTER)).thenReturn(true);
    NotificationConfig.DescriptorImpl notifications = mock(NotificationConfig.DescriptorImpl.class,
        CALLS_REAL_METHODS);
    List<String> offered = new ArrayList<>();
    try (MockedConstruction<StandardListBoxModel> models = listing(offered)) {
      notifications.doFillSmtpCredentialsIdItems("");
    }

    assertThat(offered).containsExactly("(none)", "smtp-login");
  }

  /** List box models that write what they are given into {@code offered}. */
  private static MockedConstruction<StandardListBoxModel> listing(List<String> offered) {
    return mockConstruction(StandardListBoxModel.class, (model, context) -> {
      when(model.includeEmptyValue()).thenAnswer(invocation -> {
        offered.add("(none)");
        return model;
      });
      when(model.withAll(any())).thenAnswer(invocation -> {
        invocation.<Iterable<StandardCredentials>>getArgument(0).forEach(c -> offered.add(c.getId()));
        return model;
      });
      when(model.includeCurrentValue(any())).thenAnswer(invocation -> {
        offered.add("current " + invocation.getArgument(0));
        return model;
      });
    });
  }

  private static <C extends StandardCredentials> C credentials(Class<C> type, String id) {
    C credentials = mock(type);
    when(credentials.getId()).thenReturn(id);
    return credentials;
  }
}
