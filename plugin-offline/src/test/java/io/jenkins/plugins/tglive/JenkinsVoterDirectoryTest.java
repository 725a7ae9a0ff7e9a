package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.Plugin;
import hudson.model.User;
import hudson.security.GroupDetails;
import hudson.security.SecurityRealm;
import hudson.tasks.Mailer;
import io.tglive.approval.notify.VoterAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Jenkins' lookups for gate e-mails: group members through the security realm, users' addresses
 * through the mailer plugin when it is installed; and what the engine makes of them.
 */
class JenkinsVoterDirectoryTest {

  private final Jenkins jenkins = mock(Jenkins.class);
  private final SecurityRealm realm = mock(SecurityRealm.class);
  private MockedStatic<Jenkins> jenkinsStatic;
  private MockedStatic<User> users;

  @BeforeEach
  void jenkins() {
    jenkinsStatic = mockStatic(Jenkins.class);
    jenkinsStatic.when(Jenkins::get).thenReturn(jenkins);
    when(jenkins.getSecurityRealm()).thenReturn(realm);
    users = mockStatic(User.class);
  }

  @AfterEach
  void close() {
    users.close();
    jenkinsStatic.close();
  }

  private void group(String name, Set<String> members) {
    GroupDetails details = mock(GroupDetails.class);
    when(details.getMembers()).thenReturn(members);
    when(realm.loadGroupByGroupname2(name, true)).thenReturn(details);
  }

  private void mailer(String user, String address) {
    when(jenkins.getPlugin(JenkinsVoterDirectory.MAILER)).thenReturn(mock(Plugin.class));
    User found = mock(User.class);
    Mailer.UserProperty property = mock(Mailer.UserProperty.class);
    when(property.getAddress()).thenReturn(address);
    when(found.getProperty(Mailer.UserProperty.class)).thenReturn(property);
    users.when(() -> User.getById(user, false)).thenReturn(found);
  }

  @Test
  void aGroupsMembersComeFromTheSecurityRealmAskedToFetchThem() {
    group("leads", Set.of("carol", "dave"));

    assertThat(JenkinsVoterDirectory.INSTANCE.members("leads")).containsExactlyInAnyOrder("carol", "dave");
  }

  @Test
  void aRealmThatDoesNotListMembersGivesNull() {
    group("leads", null);

    assertThat(JenkinsVoterDirectory.INSTANCE.members("leads")).isNull();
  }

  @Test
  void aGroupTheRealmDoesNotKnowIsAnErrorNamingTheRealmsAnswer() {
    UsernameNotFoundException unknown = mock(UsernameNotFoundException.class);
    when(unknown.getMessage()).thenReturn("leads");
    when(realm.loadGroupByGroupname2("leads", true)).thenThrow(unknown);

    assertThatThrownBy(() -> JenkinsVoterDirectory.INSTANCE.members("leads"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the security realm answered UsernameNotFoundException: leads");
  }

  @Test
  void aUsersAddressComesFromTheMailerPluginsUserProperty() {
    mailer("carol", "carol@example.com");

    assertThat(JenkinsVoterDirectory.INSTANCE.address("carol")).contains("carol@example.com");
    assertThat(JenkinsVoterDirectory.INSTANCE.address("nobody")).isEmpty();
  }

  @Test
  void withoutTheMailerPluginNoUserIsLookedUp() {
    when(jenkins.getPlugin(JenkinsVoterDirectory.MAILER)).thenReturn(null);

    assertThat(JenkinsVoterDirectory.INSTANCE.address("carol")).isEmpty();
    users.verifyNoInteractions();
  }

  @Test
  void groupMembersAreMailedAtTheirJenkinsAddressesAndAGroupTheRealmCannotListGoesToItsFallback() {
    group("leads", Set.of("carol"));
    group("platform", null);
    mailer("carol", "carol@example.com");
    List<String> log = new ArrayList<>();

    Set<String> to = new VoterAddresses(Map.of("group:platform", "platform@example.com"),
        JenkinsVoterDirectory.INSTANCE).resolve(List.of("group:leads", "group:platform"), log::add);

    assertThat(to).containsExactly("carol@example.com", "platform@example.com");
    assertThat(log).containsExactly("group 'platform': its members cannot be listed here: notifying its address "
        + "platform@example.com (notifications.addresses)");
  }
}
