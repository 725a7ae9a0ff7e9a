package io.tglive.rollback;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Providers a change added to a unit and the resources of theirs that the unit's state holds.
 *
 * @param providers full source addresses ({@code registry.opentofu.org/hashicorp/random}), and new
 *     configurations of a provider not new itself as a state names them
 *     ({@code provider["registry.opentofu.org/hashicorp/random"].b})
 * @param resources full addresses of their resources in the state, module path and index included
 *     ({@code module.db["a"].random_pet.name[0]}), to destroy by {@code -target}
 * @param source how the providers were found: {@code lock file}, {@code run state}, or {@code lock file
 *     and run state} (new configurations come from the run state)
 */
public record NewProviders(SortedSet<String> providers, List<String> resources, String source) {

  /** No new provider. */
  public static final NewProviders NONE = new NewProviders(new TreeSet<>(), List.of(), "none");

  public NewProviders {
    providers = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(providers));
    resources = List.copyOf(resources);
  }
}
