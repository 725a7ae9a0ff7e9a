// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.Run;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
    implements ExtensionPoint, Describable<CredentialsProvider> {

  private CredentialsProvider() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(@NonNull Class<C> type,
      @Nullable ItemGroup itemGroup, @Nullable Authentication authentication,
      @Nullable List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException();
  }

  @CheckForNull
  public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
      @NonNull Run<?, ?> run) {
    throw new UnsupportedOperationException();
  }

  @CheckForNull
  public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
    throw new UnsupportedOperationException();
  }
}
