package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Descriptor.FormException;
import hudson.security.Permission;
import hudson.util.FormValidation;
import io.tglive.policy.Account;
import io.tglive.policy.AccountCommands;
import io.tglive.policy.InvalidAccountsException;
import io.tglive.policy.RunnerSettings;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.StaplerRequest2;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

/** The global configuration, fed the JSON the form submits and bound as Stapler binds it. */
class TerragruntLiveConfigurationTest {

  // GlobalConfiguration's constructor, load() and save() need a running Jenkins.
  private final TerragruntLiveConfiguration config = mock(TerragruntLiveConfiguration.class, CALLS_REAL_METHODS);
  private final StaplerRequest2 request = StaplerBinding.request();

  @BeforeEach
  void stubJenkins() {
    doNothing().when(config).save();
  }

  private static AccountConfig account(String name, String path, String... dependencies) {
    AccountConfig account = new AccountConfig(name, path);
    account.setVoters(List.of("alice"));
    account.setDependencies(List.of(dependencies));
    return account;
  }

  /** The message of the FormException configure throws (its stub constructor throws, so construction is intercepted). */
  private List<List<?>> formExceptions(JSONObject form) {
    List<List<?>> arguments = new ArrayList<>();
    try (MockedConstruction<FormException> constructed = mockConstruction(FormException.class, (e, context) -> {
      arguments.add(context.arguments());
      when(e.getStackTrace()).thenReturn(new StackTraceElement[0]);
    })) {
      assertThatThrownBy(() -> config.configure(request, form)).isInstanceOf(FormException.class);
    }
    return arguments;
  }

  @Test
  void accountsConvertToTheEngineMapping() {
    config.setAccounts(List.of(account("dev", "live/dev"), account("prod", "live/prod", "dev")));

    assertThat(config.toAccountMapping().dependencyOrder()).extracting(Account::name).containsExactly("dev", "prod");
    assertThat(config.toAccountMapping().accountFor("live/prod/vpc")).map(Account::name).contains("prod");
  }

  @Test
  void noAccountsBeforeAnyAreConfigured() {
    assertThat(config.getAccounts()).isEmpty();
    assertThat(config.toAccountMapping().accounts()).isEmpty();
  }

  @Test
  void theSubmittedFormIsBoundWithItsOnePerLineFieldsSplitAndSaved() throws Exception {
    JSONObject form = JSONObject.fromObject("""
        {"accounts": [
          {"name": "dev", "path": "live/dev", "voters": "alice\\n bob\\n\\n", "approvalsRequired": "2",
           "rejectionsRequired": "1", "dependencies": "", "planRole": "arn:aws:iam::111111111111:role/plan",
           "applyRole": "arn:aws:iam::111111111111:role/apply", "codeBuildProject": "", "region": "eu-west-1",
           "planArgs": "-lock-timeout=5m\\n\\n-parallelism=20", "retryOn": "(?i)reset"},
          {"name": "prod", "path": "live/prod/", "voters": "carol", "approvalsRequired": "1",
           "rejectionsRequired": "1", "dependencies": "dev"}
        ]}
        """);

    assertThat(config.configure(request, form)).isTrue();

    assertThat(config.toAccountMapping().accounts()).containsExactly(
        new Account("dev", "live/dev", List.of("alice", "bob"), 2, 1, List.of(),
            new RunnerSettings("arn:aws:iam::111111111111:role/plan", "arn:aws:iam::111111111111:role/apply", null,
                "eu-west-1").withCommands(new AccountCommands(List.of(), List.of("-lock-timeout=5m", "-parallelism=20"),
                List.of(), List.of(), List.of("(?i)reset"), null))),
        new Account("prod", "live/prod", List.of("carol"), 1, 1, List.of("dev"), RunnerSettings.NONE));
    verify(config).save();
  }

  @Test
  void aSingleSubmittedAccountArrivesAsAnObjectAndIsBoundAsAListOfOne() throws Exception {
    config.configure(request, JSONObject.fromObject("{'accounts': {'name': 'dev', 'path': 'live/dev', 'voters': 'alice'}}"));

    assertThat(config.toAccountMapping().accounts()).extracting(Account::name, Account::voters)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dev", List.of("alice")));
  }

  @Test
  void removingEveryAccountIsSaved() throws Exception {
    config.setAccounts(List.of(account("dev", "live/dev")));

    config.configure(request, new JSONObject());

    assertThat(config.getAccounts()).isEmpty();
  }

  @Test
  void anInvalidSubmissionIsRefusedWithTheEnginesMessagesAndNotSaved() {
    JSONObject form = JSONObject.fromObject("""
        {"accounts": [
          {"name": "dev", "path": "live/dev", "voters": "alice", "dependencies": "stage"},
          {"name": "stage", "path": "live/stage", "voters": "alice", "approvalsRequired": "-1", "dependencies": "dev"}
        ]}
        """);

    assertThat(formExceptions(form)).containsExactly(List.of(
        "account 'stage': approvalsRequired must be 0 (no gate) or more, not -1; "
            + "account 'dev': cyclic account dependencies: dev -> stage -> dev", "accounts"));
    verify(config, never()).save();
    assertThat(config.getAccounts()).isEmpty();
  }

  @Test
  void anInvalidMappingFromConfigurationAsCodeIsRefusedByTheSetter() {
    AccountConfig prod = new AccountConfig("prod", "live/prod");
    prod.setVoters(List.of("alice"));
    prod.setApprovalsRequired(3);

    assertThatThrownBy(() -> config.setAccounts(List.of(prod, account("dev", "live/dev", "nowhere"))))
        .isInstanceOf(InvalidAccountsException.class)
        .hasMessage("invalid account mapping: account 'prod': approvalsRequired is 3 but only 1 voter is listed\n"
            + "  account 'dev': depends on unknown account 'nowhere'");
    verify(config, never()).save();
    assertThat(config.getAccounts()).isEmpty();
  }

  @Test
  void theQueuePermissionIsOverallAdministerUntilAKnownPermissionIdIsSet() {
    Permission build = mock(Permission.class);
    try (MockedStatic<Permission> permissions = mockStatic(Permission.class)) {
      permissions.when(() -> Permission.fromId("hudson.model.Item.Build")).thenReturn(build);
      assertThat(config.getQueuePermission()).as("nothing configured").isNull();
      assertThat(config.queuePermissionId()).isEqualTo("hudson.model.Hudson.Administer");

      config.setQueuePermission(" hudson.model.Item.Build ");

      assertThat(config.getQueuePermission()).isEqualTo("hudson.model.Item.Build");
      assertThat(config.queuePermission()).isSameAs(build);
      config.setQueuePermission("");
      assertThat(config.queuePermissionId()).as("blank is the default").isEqualTo("hudson.model.Hudson.Administer");
    }
  }

  @Test
  void anUnknownQueuePermissionIsRefusedByTheSetterTheFieldCheckAndTheForm() {
    try (MockedStatic<Permission> permissions = mockStatic(Permission.class);
        MockedStatic<FormValidation> validation = mockStatic(FormValidation.class)) {
      String message = "unknown permission 'hudson.model.Item.Bild': give a Jenkins permission id such as"
          + " hudson.model.Item.Build or hudson.model.Hudson.Administer";

      assertThatThrownBy(() -> config.setQueuePermission("hudson.model.Item.Bild"))
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
      verify(config, never()).save();
      config.doCheckQueuePermission("hudson.model.Item.Bild");
      validation.verify(() -> FormValidation.error(message));
      assertThat(formExceptions(JSONObject.fromObject("{\"accounts\": [], \"queuePermission\": \"hudson.model.Item.Bild\"}")))
          .containsExactly(List.of(message, "queuePermission"));
      assertThat(config.queuePermissionId()).isEqualTo("hudson.model.Hudson.Administer");
    }
  }
}
