package io.tglive.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.terragrunt.PlanSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of a rollback read from the repository and the units' states. A unit exists at base
 * when the base commit has its {@code terragrunt.hcl}. The providers a change added to a unit come
 * from its committed {@code .terraform.lock.hcl} files (head's providers not in base's) when both
 * commits have one; otherwise from the run state: the providers its applied plan added
 * (configuration versus prior state, as OpenTofu planned it). Either way the provider
 * configurations its applied plan added of a provider not new itself (a new alias of a provider the
 * base already used, {@code provider["…/random"].b}) are added: the base has no such configuration
 * either. {@code terragrunt run -- providers}
 * in the base tree is not used: like every terragrunt command it needs the outputs of the unit's
 * base dependencies, and a dependency the run destroyed is only re-created by the rollback itself.
 * Their resources come from the unit's state ({@code terragrunt state pull}): every managed
 * resource instance whose provider is one of them, by full address.
 */
public final class TreeFacts implements UnitFacts {

  private static final Pattern LOCKED = Pattern.compile("(?m)^\\s*provider\\s+\"([^\"]+)\"");
  private static final Pattern PROVIDER = Pattern.compile("provider\\[\"?([^\\]\"]+)\"?\\]");
  private static final ObjectMapper MAPPER = new ObjectMapper();


  private final CommitFiles files;
  private final String baseCommit;
  private final String headCommit;
  private final Map<String, UnitRecord> records;
  private final StateReader states;

  /**
   * @param repo the repository
   * @param baseCommit the change's base commit; {@code headCommit} its head
   * @param records the run's unit records (what each plan and apply added)
   * @param states reads a unit's state ({@link StateReader#NONE} for a preview: no resource addresses)
   */
  public TreeFacts(Path repo, String baseCommit, String headCommit, Map<String, UnitRecord> records,
      StateReader states) {
    this(CommitFiles.git(repo), baseCommit, headCommit, records, states);
  }

  /** Facts read through {@code files} (the repository on a build agent, say). */
  public TreeFacts(CommitFiles files, String baseCommit, String headCommit, Map<String, UnitRecord> records,
      StateReader states) {
    this.files = files;
    this.baseCommit = baseCommit;
    this.headCommit = headCommit;
    this.records = Map.copyOf(records);
    this.states = states;
  }

  @Override
  public boolean existsAtBase(String unit) throws IOException, InterruptedException {
    return gitShow(baseCommit, inUnit(unit, "terragrunt.hcl")) != null;
  }

  @Override
  public NewProviders newProviders(String unit) throws IOException, InterruptedException {
    String baseLock = gitShow(baseCommit, inUnit(unit, ".terraform.lock.hcl"));
    String headLock = gitShow(headCommit, inUnit(unit, ".terraform.lock.hcl"));
    UnitRecord record = records.get(unit);
    PlanSummary applied = record == null ? null : record.applying() != null ? record.applying() : record.plan();
    Set<String> added;
    String source;
    if (baseLock != null && headLock != null) {
      added = new TreeSet<>(locked(headLock));
      added.removeAll(locked(baseLock));
      source = "lock file";
    } else {
      added = applied == null ? new TreeSet<>() : new TreeSet<>(applied.providersAdded());
      source = "run state";
    }
    if (applied != null) {
      // new configurations (an alias, a module's own provider block) of a provider not new itself
      for (String configuration : applied.providerConfigsAdded()) {
        Matcher matcher = PROVIDER.matcher(configuration);
        if ((!matcher.find() || !added.contains(matcher.group(1))) && added.add(configuration)
            && !source.endsWith("run state")) {
          source += " and run state";
        }
      }
    }
    if (added.isEmpty()) {
      return new NewProviders(new TreeSet<>(), List.of(), source);
    }
    return new NewProviders(new TreeSet<>(added), resources(states.pull(unit), added), source);
  }

  /** The providers of a lock file. */
  static Set<String> locked(String lockFile) {
    Set<String> providers = new TreeSet<>();
    Matcher matcher = LOCKED.matcher(lockFile);
    while (matcher.find()) {
      providers.add(matcher.group(1));
    }
    return providers;
  }

  /**
   * Full addresses of the managed resource instances of {@code providers} in a {@code state pull}
   * JSON (empty output: no state), module path and index included. A provider is named by its source
   * address (every configuration of it) or by a configuration as the state names it
   * ({@code provider["registry.opentofu.org/hashicorp/random"].b}: that configuration only).
   */
  static List<String> resources(String statePull, Set<String> providers) throws IOException {
    if (statePull.isBlank()) {
      return List.of();
    }
    JsonNode state = MAPPER.readTree(statePull);
    if (state == null || !state.has("resources")) {
      throw new IOException("state pull did not print a state");
    }
    Set<String> addresses = new LinkedHashSet<>();
    for (JsonNode resource : state.path("resources")) {
      String provider = resource.path("provider").asText();
      Matcher matcher = PROVIDER.matcher(provider);
      if (!"managed".equals(resource.path("mode").asText()) || !matcher.find()
          || !providers.contains(matcher.group(1)) && !providers.contains(provider)) {
        continue;
      }
      String module = resource.path("module").asText("");
      String base = (module.isEmpty() ? "" : module + ".") + resource.path("type").asText() + "."
          + resource.path("name").asText();
      for (JsonNode instance : resource.path("instances")) {
        JsonNode key = instance.path("index_key");
        addresses.add(base + (key.isMissingNode() || key.isNull() ? ""
            : key.isNumber() ? "[" + key.asLong() + "]" : "[" + MAPPER.writeValueAsString(key.asText()) + "]"));
      }
    }
    return new ArrayList<>(addresses);
  }

  private static String inUnit(String unit, String file) {
    return unit.isEmpty() ? file : unit + "/" + file;
  }

  /** The file at {@code path} in {@code commit}, or null when it has none. */
  private String gitShow(String commit, String path) throws IOException, InterruptedException {
    return files.show(commit, path);
  }
}
