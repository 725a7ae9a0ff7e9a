package io.tglive.run.terragrunt;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a saved plan would do, read from {@code show -json}.
 *
 * @param create resources to create
 * @param update resources to update in place
 * @param delete resources to delete
 * @param replace resources to replace (delete and create, in either order)
 * @param changes every resource address the plan changes, with its action ({@code create aws_vpc.main})
 * @param providers full source addresses of the providers of the changed resources
 *     ({@code registry.opentofu.org/hashicorp/null})
 * @param resourcesAdded addresses the plan creates that did not exist before (what a rollback destroys)
 * @param providersAdded providers of created resources that no resource of the prior state used
 * @param providerConfigsAdded provider configurations of created resources that no resource of the prior
 *     state used, as a state names them ({@code provider["registry.opentofu.org/hashicorp/random"].b}):
 *     a new alias of a provider already used has no new source address; empty in run states older
 *     than this field
 * @param outputs names of the root outputs the plan changes (no resource, but dependents read them)
 * @param hash the plan's identity: SHA-256 of its normalized {@code resource_changes}
 */
public record PlanSummary(
    int create,
    int update,
    int delete,
    int replace,
    List<String> changes,
    SortedSet<String> providers,
    List<String> resourcesAdded,
    SortedSet<String> providersAdded,
    SortedSet<String> providerConfigsAdded,
    List<String> outputs,
    String hash) {

  public PlanSummary {
    changes = List.copyOf(changes);
    providers = new TreeSet<>(providers);
    resourcesAdded = List.copyOf(resourcesAdded);
    providersAdded = new TreeSet<>(providersAdded);
    providerConfigsAdded = providerConfigsAdded == null ? new TreeSet<>() : new TreeSet<>(providerConfigsAdded);
    outputs = List.copyOf(outputs);
  }

  /** A summary without provider configurations added. */
  public PlanSummary(int create, int update, int delete, int replace, List<String> changes,
      SortedSet<String> providers, List<String> resourcesAdded, SortedSet<String> providersAdded,
      List<String> outputs, String hash) {
    this(create, update, delete, replace, changes, providers, resourcesAdded, providersAdded, new TreeSet<>(),
        outputs, hash);
  }

  /** Whether applying the plan changes anything. */
  public boolean hasChanges() {
    return create + update + delete + replace > 0 || !outputs.isEmpty();
  }

  /** {@code 1 to create, 0 to update, 2 to delete, 0 to replace}. */
  public String counts() {
    return create + " to create, " + update + " to update, " + delete + " to delete, " + replace + " to replace"
        + (outputs.isEmpty() ? "" : ", " + outputs.size() + " output(s) changed");
  }
}
