package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Descriptor.FormException;
import io.tglive.policy.Account;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedConstruction;
import org.kohsuke.stapler.StaplerRequest2;

@SuppressWarnings("unchecked") // json-lib's JSONArray is a raw List
class TerragruntLiveConfigurationTest {

  // GlobalConfiguration's constructor, load() and save() need a running Jenkins.
  private final TerragruntLiveConfiguration config = mock(TerragruntLiveConfiguration.class, CALLS_REAL_METHODS);
  private final StaplerRequest2 request = mock(StaplerRequest2.class);
  private final ArgumentCaptor<Object> boundJson = ArgumentCaptor.forClass(Object.class);

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
  void validSubmissionIsSaved() throws Exception {
    List<AccountConfig> submitted = List.of(account("dev", "live/dev"), account("prod", "live/prod", "dev"));
    when(request.bindJSONToList(any(), boundJson.capture())).thenReturn(new ArrayList<>(submitted));
    JSONObject form = JSONObject.fromObject("{'accounts': [{'name': 'dev', 'voters': 'alice\\n bob\\n'}, {'name': 'prod'}]}");

    assertThat(config.configure(request, form)).isTrue();

    assertThat(config.getAccounts()).containsExactlyElementsOf(submitted);
    verify(config).save();
    JSONArray bound = (JSONArray) boundJson.getValue();
    assertThat((List<Object>) bound.getJSONObject(0).getJSONArray("voters")).containsExactly("alice", "bob");
  }

  @Test
  void singleSubmittedAccountHasItsTextFieldsSplit() throws Exception {
    when(request.bindJSONToList(any(), boundJson.capture())).thenReturn(new ArrayList<>());

    config.configure(request, JSONObject.fromObject("{'accounts': {'name': 'dev', 'dependencies': 'shared'}}"));

    assertThat((List<Object>) ((JSONObject) boundJson.getValue()).getJSONArray("dependencies")).containsExactly("shared");
  }

  @Test
  void removingEveryAccountIsSaved() throws Exception {
    config.setAccounts(List.of(account("dev", "live/dev")));
    when(request.bindJSONToList(any(), boundJson.capture())).thenReturn(new ArrayList<>());

    config.configure(request, new JSONObject());

    assertThat((List<Object>) boundJson.getValue()).isEmpty();
    assertThat(config.getAccounts()).isEmpty();
  }

  @Test
  void invalidMappingIsRefusedWithTheEngineMessages() throws Exception {
    when(request.bindJSONToList(any(), any())).thenReturn(
        new ArrayList<>(List.of(account("dev", "live/dev", "stage"), account("stage", "live/stage", "dev"))));
    List<List<?>> arguments = new ArrayList<>();

    try (MockedConstruction<FormException> constructed =
        mockConstruction(FormException.class, (e, context) -> {
          arguments.add(context.arguments());
          when(e.getStackTrace()).thenReturn(new StackTraceElement[0]);
        })) {
      assertThatThrownBy(() -> config.configure(request, new JSONObject())).isInstanceOf(FormException.class);
    }

    assertThat(arguments).containsExactly(
        List.of("account 'dev': cyclic account dependencies: dev -> stage -> dev", "accounts"));
    verify(config, never()).save();
  }
}
