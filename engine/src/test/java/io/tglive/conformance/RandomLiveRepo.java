package io.tglive.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of small random live repositories for differential tests against the real
 * terragrunt. Units live in {@code live/<env>/u<i>} for the environments {@code dev}, {@code prod}
 * and (with {@link Construct#HIDDEN_DIRECTORY}) {@code .ops}; each environment has a {@code u0}
 * and an {@code env.hcl}. A unit depends only on units generated before it, so the graph is
 * acyclic. Every construct can be switched off, to keep one whose evaluation is known to diverge
 * out of the random runs until it is fixed. The same seed and constructs give the same files.
 */
final class RandomLiveRepo {

  /** What a generated repository may use. */
  enum Construct {
    /** {@code include} of {@code root.hcl} with {@code merge_strategy} no_merge, shallow or deep (root.hcl adds an edge to u0). */
    MERGE_STRATEGIES,
    /** {@code include "env" { expose = true }} and {@code include.env.locals.env} in paths. */
    EXPOSED_INCLUDE,
    /** {@code read_terragrunt_config(find_in_parent_folders("env.hcl")).locals.env} in paths. */
    READ_TERRAGRUNT_CONFIG,
    /** Paths built with {@code format}, {@code join}, {@code lower}, {@code replace}, {@code trimspace} and locals. */
    FUNCTIONS,
    /** {@code dependencies { paths = [...] }} blocks besides {@code dependency} blocks. */
    DEPENDENCIES_BLOCK,
    /** A dependency declared in an included {@code _common/*.hcl} file. */
    INCLUDED_DEPENDENCY,
    /** {@code exclude} blocks with literal and local conditions and various actions. */
    EXCLUDE,
    /** {@code feature} blocks whose defaults drive an exclude condition or a dependency path. */
    FEATURE_FLAGS,
    /** Units under a hidden directory ({@code live/.ops}). */
    HIDDEN_DIRECTORY
  }

  private final Path root;
  private final Random random;
  private final Set<Construct> constructs;
  private final List<String> units = new ArrayList<>();

  private RandomLiveRepo(Path root, long seed, Set<Construct> constructs) {
    this.root = root;
    this.random = new Random(seed);
    this.constructs = constructs.isEmpty() ? EnumSet.noneOf(Construct.class) : EnumSet.copyOf(constructs);
  }

  /** Writes a repository into {@code dir} and returns the repository-relative unit directories. */
  static List<String> write(Path dir, long seed, Set<Construct> constructs) {
    try {
      return new RandomLiveRepo(dir, seed, constructs).write();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean uses(Construct construct) {
    return constructs.contains(construct);
  }

  private List<String> write() throws IOException {
    List<String> environments = new ArrayList<>(List.of("dev", "prod"));
    if (uses(Construct.HIDDEN_DIRECTORY)) {
      environments.add(".ops");
    }
    put("root.hcl", """
        locals {
          project = "random"
        }
        dependencies {
          paths = basename(get_terragrunt_dir()) == "u0" ? [] : ["${get_terragrunt_dir()}/../u0"]
        }
        """);
    put("live/_common/net.hcl", """
        dependency "net" {
          config_path = "${dirname(find_in_parent_folders("root.hcl"))}/live/dev/u0"
        }
        """);
    for (String env : environments) {
      put("live/" + env + "/env.hcl", "locals {\n  env = \"" + env + "\"\n}\n");
      unit(env, 0);
    }
    int count = 4 + random.nextInt(10);
    for (int i = 1; i <= count; i++) {
      unit(environments.get(random.nextInt(environments.size())), i);
    }
    return List.copyOf(units);
  }

  /** Writes unit {@code u<index>} of {@code env}, depending on units written before it. */
  private void unit(String env, int index) throws IOException {
    String path = "live/" + env + "/u" + index;
    StringBuilder hcl = new StringBuilder();
    StringBuilder locals = new StringBuilder("locals {\n  name = \"u" + index + "\"\n");
    if (uses(Construct.READ_TERRAGRUNT_CONFIG)) {
      locals.append("  env_config = read_terragrunt_config(find_in_parent_folders(\"env.hcl\"))\n");
    }
    if (uses(Construct.MERGE_STRATEGIES) && index > 0 && random.nextInt(3) > 0) {
      String strategy = List.of("no_merge", "shallow", "deep").get(random.nextInt(3));
      hcl.append("include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n  merge_strategy = \"")
          .append(strategy).append("\"\n}\n");
    }
    if (uses(Construct.EXPOSED_INCLUDE)) {
      hcl.append("include \"env\" {\n  path = find_in_parent_folders(\"env.hcl\")\n  expose = true\n}\n");
    }
    if (uses(Construct.INCLUDED_DEPENDENCY) && index > 0 && random.nextInt(4) == 0) {
      hcl.append("include \"net\" {\n  path = \"${dirname(find_in_parent_folders(\"root.hcl\"))}/live/_common/net.hcl\"\n}\n");
    }
    List<String> targets = new ArrayList<>();
    if (index > 0) {
      int wanted = random.nextInt(Math.min(3, units.size()) + 1);
      for (int n = 0; n < wanted; n++) {
        String target = units.get(random.nextInt(units.size()));
        if (!targets.contains(target)) {
          targets.add(target);
        }
      }
    }
    List<String> blockPaths = new ArrayList<>();
    for (int n = 0; n < targets.size(); n++) {
      String expression = pathExpression(path, targets.get(n), env, locals, hcl, n);
      if (uses(Construct.DEPENDENCIES_BLOCK) && random.nextBoolean()) {
        blockPaths.add(expression);
      } else {
        hcl.append("dependency \"d").append(n).append("\" {\n  config_path = ").append(expression).append("\n}\n");
      }
    }
    if (!blockPaths.isEmpty()) {
      hcl.append("dependencies {\n  paths = [").append(String.join(", ", blockPaths)).append("]\n}\n");
    }
    if (uses(Construct.FEATURE_FLAGS) && random.nextInt(3) == 0) {
      hcl.append("feature \"skip\" {\n  default = ").append(random.nextBoolean()).append("\n}\n")
          .append("exclude {\n  if = feature.skip.value\n  actions = [\"all\"]\n}\n");
    } else if (uses(Construct.EXCLUDE) && random.nextInt(3) == 0) {
      String condition = List.of("true", "false", "local.skip", "!local.skip").get(random.nextInt(4));
      locals.append("  skip = ").append(random.nextBoolean()).append("\n");
      String actions = List.of("[\"all\"]", "[\"plan\"]", "[\"apply\", \"destroy\"]", "[\"destroy\"]",
          "[\"all_except_output\"]").get(random.nextInt(5));
      hcl.append("exclude {\n  if = ").append(condition).append("\n  actions = ").append(actions).append("\n}\n");
    }
    locals.append("}\n");
    put(path + "/terragrunt.hcl", locals + hcl.toString());
    units.add(path);
  }

  /**
   * An HCL expression for the path from unit {@code from} to unit {@code to}, in a random style;
   * locals it uses go to {@code locals}, blocks (feature flags) to {@code blocks}.
   */
  private String pathExpression(String from, String to, String env, StringBuilder locals, StringBuilder blocks, int n) {
    String relative = relative(from, to);
    String targetEnv = to.split("/")[1];
    String targetName = to.substring(to.lastIndexOf('/') + 1);
    List<String> styles = new ArrayList<>(List.of(
        quote(relative),
        "\"${get_terragrunt_dir()}/" + relative + "\"",
        "\"${dirname(find_in_parent_folders(\"root.hcl\"))}/" + to + "\""));
    if (uses(Construct.FUNCTIONS)) {
      locals.append("  target").append(n).append(" = ").append(quote(relative)).append("\n");
      styles.add("local.target" + n);
      styles.add("format(\"../../%s/%s\", " + quote(targetEnv) + ", " + quote(targetName) + ")");
      styles.add("join(\"/\", [\"..\", \"..\", " + quote(targetEnv) + ", lower(" + quote(targetName.toUpperCase()) + ")])");
      styles.add("replace(" + quote(relative.replace("u", "UNIT-")) + ", \"UNIT-\", \"u\")");
      styles.add("trimspace(\"  " + relative + "  \")");
    }
    if (targetEnv.equals(env)) {
      if (uses(Construct.EXPOSED_INCLUDE)) {
        styles.add("\"../../${include.env.locals.env}/" + targetName + "\"");
      }
      if (uses(Construct.READ_TERRAGRUNT_CONFIG)) {
        styles.add("\"../../${local.env_config.locals.env}/" + targetName + "\"");
      }
    }
    if (uses(Construct.FEATURE_FLAGS) && random.nextInt(4) == 0) {
      boolean useTarget = random.nextBoolean();
      // the flag's default decides between the target and u0 of the same environment as the target
      String other = quote("../../" + targetEnv + "/u0");
      blocks.append("feature \"alt").append(n).append("\" {\n  default = ").append(useTarget).append("\n}\n");
      return "feature.alt" + n + ".value ? " + (useTarget ? quote(relative) : other) + " : "
          + (useTarget ? other : quote(relative));
    }
    return styles.get(random.nextInt(styles.size()));
  }

  private static String relative(String from, String to) {
    String[] a = from.split("/");
    String[] b = to.split("/");
    int common = 0;
    while (common < a.length && common < b.length && a[common].equals(b[common])) {
      common++;
    }
    StringBuilder path = new StringBuilder();
    for (int i = common; i < a.length; i++) {
      path.append("../");
    }
    for (int i = common; i < b.length; i++) {
      path.append(b[i]).append(i < b.length - 1 ? "/" : "");
    }
    return path.toString();
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  private void put(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
