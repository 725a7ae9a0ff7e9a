package io.tglive.policy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@link RepoSettings} from YAML. The document is composed into nodes with SnakeYAML, which
 * resolves aliases ({@code *name}) to their anchored node and refuses more than
 * {@value #MAX_COLLECTION_ALIASES} aliases of lists or mappings (an alias bomb); merge keys
 * ({@code <<: *defaults}) are applied. Each key is then checked where it is written, so every
 * problem is reported at its {@code file:line:column}.
 */
final class SettingsParser {

  /** The most aliases of lists and mappings a settings file may use: more is refused, not expanded. */
  static final int MAX_COLLECTION_ALIASES = 20;

  private static final String TOP_LEVEL_KEYS = "accounts, ignore, notifications";

  private static final List<String> ACCOUNT_KEY_ORDER = List.of("name", "path", "voters", "approvalsRequired",
      "rejectionsRequired", "dependencies", "planRole", "applyRole", "codeBuildProject", "region", "runner",
      "codeBuildBucket", "codeBuildPrefix", "terragrunt", "planArgs", "applyArgs", "destroyArgs", "retryOn",
      "commandTimeout", "allowSelfApproval", "destroyApprovalsRequired", "newProviderApprovalsRequired", "gateTimeout",
      "rollbackVoters", "rollbackApprovalsRequired", "rollbackRejectionsRequired");

  private static final Set<String> LIST_KEYS = Set.of("voters", "dependencies", "planArgs", "applyArgs",
      "destroyArgs", "retryOn", "rollbackVoters");

  private static final Set<String> COUNT_KEYS = Set.of("approvalsRequired", "rejectionsRequired",
      "destroyApprovalsRequired", "newProviderApprovalsRequired", "rollbackApprovalsRequired",
      "rollbackRejectionsRequired");

  private static final Set<String> FLAG_KEYS = Set.of("allowSelfApproval");

  private static final String ACCOUNT_KEYS = String.join(", ", ACCOUNT_KEY_ORDER);

  private final String fileName;

  SettingsParser(String fileName) {
    this.fileName = fileName;
  }

  RepoSettings parse(String yaml) throws SettingsException {
    Node root = compose(yaml);
    if (root == null || isNull(root)) {
      return RepoSettings.defaults();
    }
    if (!(root instanceof MappingNode mapping)) {
      throw problem(root, "expected a mapping with the keys " + TOP_LEVEL_KEYS);
    }
    List<Account> accounts = new ArrayList<>();
    List<Node> accountNodes = new ArrayList<>();
    List<String> ignore = RepoSettings.DEFAULT_IGNORE;
    NotificationSettings notifications = NotificationSettings.NONE;
    for (Map.Entry<String, NodeTuple> entry : entries(mapping).entrySet()) {
      Node value = entry.getValue().getValueNode();
      switch (entry.getKey()) {
        case "accounts" -> readAccounts(value, accounts, accountNodes);
        case "ignore" -> ignore = readIgnore(value);
        case "notifications" -> notifications = new NotificationsSection(this).read(value);
        default -> throw problem(entry.getValue().getKeyNode(),
            "unknown top-level key '" + entry.getKey() + "' (known keys: " + TOP_LEVEL_KEYS + ")");
      }
    }
    return validated(accounts, accountNodes, ignore).withNotifications(notifications);
  }

  private Node compose(String yaml) throws SettingsException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    try {
      return new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      throw new SettingsException(List.of(at(e.getProblemMark(), yamlProblem(e) + keyNear(yaml, e))));
    } catch (YAMLException e) {
      String message = e.getMessage() == null ? "invalid YAML" : e.getMessage().strip();
      if (message.startsWith("Number of aliases")) {
        message = "more than " + MAX_COLLECTION_ALIASES
            + " aliases of lists or mappings: refused rather than expanded (an alias bomb?)";
      }
      throw new SettingsException(List.of(new SettingsProblem(fileName, 1, 1, firstLine(message))));
    }
  }

  /** The problem and, when the parser gives one, what it was reading and where that started. */
  private static String yamlProblem(MarkedYAMLException e) {
    String problem = firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem());
    Mark context = e.getContextMark();
    if (e.getContext() == null) {
      return problem;
    }
    return problem + " (" + e.getContext()
        + (context == null ? "" : " started at line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1))
        + ")";
  }

  /**
   * Where a syntax error is, as the key a reader looks for: the nearest {@code key:} before the
   * line where the broken construct started (or left of the problem on its line), e.g. {@code  in 'path'}.
   * Empty when no line above holds a key.
   */
  private static String keyNear(String yaml, MarkedYAMLException e) {
    Mark mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
    if (mark == null) {
      return "";
    }
    List<String> lines = yaml.lines().toList();
    for (int line = Math.min(mark.getLine(), lines.size() - 1); line >= 0; line--) {
      Matcher key = KEY.matcher(lines.get(line));
      String nearest = null;
      while (key.find() && (line < mark.getLine() || key.start(1) < mark.getColumn())) {
        nearest = key.group(1);
      }
      if (nearest != null) {
        return " in '" + nearest + "'";
      }
    }
    return "";
  }

  /** A plain mapping key: at the start of a line or list item, or after '{' or ',' in a flow mapping. */
  private static final Pattern KEY = Pattern.compile("(?:^|[\\s{,-])([A-Za-z_][\\w.-]*)\\s*:(?:\\s|$)");

  /** A mapping's entries by key, merge keys applied (keys written in the mapping win); duplicate keys are refused. */
  Map<String, NodeTuple> entries(MappingNode mapping) throws SettingsException {
    return entries(mapping, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** {@code merging} holds the mappings whose merge keys are being applied, so a mapping merging itself is refused. */
  private Map<String, NodeTuple> entries(MappingNode mapping, Set<MappingNode> merging) throws SettingsException {
    if (!merging.add(mapping)) {
      throw problem(mapping, "'<<' merges a mapping into itself");
    }
    Map<String, NodeTuple> own = new LinkedHashMap<>();
    Map<String, NodeTuple> merged = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (key.getTag().equals(Tag.MERGE)) {
        for (MappingNode source : mergeSources(tuple.getValueNode())) {
          entries(source, merging).forEach(merged::putIfAbsent);
        }
        continue;
      }
      if (!(key instanceof ScalarNode scalar)) {
        throw problem(key, "a key must be a plain name, not a list or mapping");
      }
      if (own.putIfAbsent(scalar.getValue(), tuple) != null) {
        throw problem(key, "duplicate key '" + scalar.getValue() + "'");
      }
    }
    merged.forEach(own::putIfAbsent);
    merging.remove(mapping);
    return own;
  }

  private List<MappingNode> mergeSources(Node value) throws SettingsException {
    if (value instanceof MappingNode mapping) {
      return List.of(mapping);
    }
    List<MappingNode> sources = new ArrayList<>();
    if (value instanceof SequenceNode sequence) {
      for (Node element : sequence.getValue()) {
        if (!(element instanceof MappingNode mapping)) {
          throw problem(element, "'<<' merges mappings only");
        }
        sources.add(mapping);
      }
      return sources;
    }
    throw problem(value, "'<<' merges mappings only");
  }

  private void readAccounts(Node value, List<Account> accounts, List<Node> accountNodes) throws SettingsException {
    if (isNull(value)) {
      return;
    }
    if (!(value instanceof SequenceNode sequence)) {
      throw problem(value, "'accounts' must be a list of accounts");
    }
    for (Node element : sequence.getValue()) {
      if (!(element instanceof MappingNode account)) {
        throw problem(element, "each account must be a mapping with the keys " + ACCOUNT_KEYS);
      }
      accountNodes.add(element);
      accounts.add(readAccount(account));
    }
  }

  /** Reads one account key by key, so that an unknown key or a bad value is reported where it is written. */
  private Account readAccount(MappingNode account) throws SettingsException {
    Map<String, String> strings = new LinkedHashMap<>();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Node> keyNodes = new LinkedHashMap<>();
    Map<String, Boolean> flags = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> entry : entries(account).entrySet()) {
      String key = entry.getKey();
      Node value = entry.getValue().getValueNode();
      if (!ACCOUNT_KEY_ORDER.contains(key)) {
        throw problem(entry.getValue().getKeyNode(),
            "unknown account key '" + key + "' (known keys: " + ACCOUNT_KEYS + ")");
      }
      keyNodes.put(key, entry.getValue().getKeyNode());
      if (isNull(value)) {
        continue;
      }
      if (key.equals("terragrunt")) {
        lists.put(key, value instanceof SequenceNode ? strings(key, value) : List.of(scalar(key, value)));
      } else if (LIST_KEYS.contains(key)) {
        lists.put(key, strings(key, value));
      } else if (COUNT_KEYS.contains(key)) {
        counts.put(key, count(key, value));
      } else if (FLAG_KEYS.contains(key)) {
        flags.put(key, flag(key, value));
      } else {
        strings.put(key, scalar(key, value));
      }
    }
    RunnerSettings runner = new RunnerSettings(strings.get("planRole"), strings.get("applyRole"),
        strings.get("codeBuildProject"), strings.get("region"), strings.get("runner"), strings.get("codeBuildBucket"),
        strings.get("codeBuildPrefix"), new AccountCommands(lists.get("terragrunt"), lists.get("planArgs"),
            lists.get("applyArgs"), lists.get("destroyArgs"), lists.get("retryOn"), strings.get("commandTimeout")));
    List<RunnerRules.Problem> problems = RunnerRules.check(runner);
    if (!problems.isEmpty()) {
      // where the key is written (a missing key: where the account starts), with the account's name
      String name = strings.getOrDefault("name", "");
      String label = name.isBlank() ? "account" : "account '" + name.strip() + "'";
      throw new SettingsException(problems.stream()
          .map(p -> at(keyNodes.getOrDefault(p.key(), account).getStartMark(), label + ": " + p.message()))
          .toList());
    }
    return new Account(
        strings.get("name"),
        strings.get("path"),
        lists.get("voters"),
        counts.getOrDefault("approvalsRequired", 1),
        counts.getOrDefault("rejectionsRequired", 1),
        lists.get("dependencies"),
        runner,
        new GateRules(flags.getOrDefault("allowSelfApproval", false), counts.get("destroyApprovalsRequired"),
            counts.get("newProviderApprovalsRequired"), strings.get("gateTimeout"),
            new RollbackRules(lists.get("rollbackVoters"), counts.get("rollbackApprovalsRequired"),
                counts.get("rollbackRejectionsRequired"))));
  }

  private boolean flag(String key, Node value) throws SettingsException {
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      String text = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.parseBoolean(text);
      }
    }
    throw problem(value, "'" + key + "' must be true or false"
        + (value instanceof ScalarNode scalar ? ", not '" + scalar.getValue() + "'" : ", not a " + kind(value)));
  }

  private List<String> readIgnore(Node value) throws SettingsException {
    if (isNull(value)) {
      return List.of();
    }
    if (!(value instanceof SequenceNode)) {
      throw problem(value, "'ignore' must be a list of globs");
    }
    List<String> globs = strings("ignore", value);
    if (globs.stream().anyMatch(String::isBlank)) {
      throw problem(value, "'ignore' contains an empty glob");
    }
    return globs;
  }

  /** A list of single values; a null element is an empty string, left for validation to name. */
  private List<String> strings(String key, Node value) throws SettingsException {
    if (!(value instanceof SequenceNode sequence)) {
      throw problem(value, "'" + key + "' must be a list");
    }
    List<String> strings = new ArrayList<>();
    for (Node element : sequence.getValue()) {
      strings.add(isNull(element) ? "" : scalar(key, element));
    }
    return strings;
  }

  String scalar(String key, Node value) throws SettingsException {
    if (!(value instanceof ScalarNode scalar)) {
      throw problem(value, "'" + key + "' must be a single value, not a " + kind(value));
    }
    return scalar.getValue();
  }

  int count(String key, Node value) throws SettingsException {
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
      try {
        return Integer.parseInt(scalar.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        // too large, or a YAML 1.1 form (0x1f, 1:30) nobody means for a count
      }
    }
    throw problem(value, "'" + key + "' must be a whole number"
        + (value instanceof ScalarNode scalar ? ", not '" + scalar.getValue() + "'" : ", not a " + kind(value)));
  }

  private static String kind(Node node) {
    return node instanceof SequenceNode ? "list" : node instanceof MappingNode ? "mapping" : "value";
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  private RepoSettings validated(List<Account> accounts, List<Node> nodes, List<String> ignore)
      throws SettingsException {
    List<AccountProblem> problems = AccountRules.check(accounts);
    if (!problems.isEmpty()) {
      throw new SettingsException(problems.stream()
          .sorted(Comparator.comparingInt(AccountProblem::accountIndex))
          .map(p -> at(nodes.get(p.accountIndex()).getStartMark(), p.message()))
          .toList());
    }
    return new RepoSettings(new AccountMapping(accounts), ignore);
  }

  /** The first line of a parser message, control characters escaped ({@code \t}, {@code \u0000}). */
  private static String firstLine(String message) {
    String text = message == null ? "invalid YAML" : message.strip();
    int newline = text.indexOf('\n');
    StringBuilder line = new StringBuilder();
    (newline < 0 ? text : text.substring(0, newline)).chars().forEach(c -> line.append(
        c == '\t' ? "\\t" : c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return line.toString();
  }

  private SettingsProblem at(Mark mark, String message) {
    return mark == null
        ? new SettingsProblem(fileName, 1, 1, message)
        : new SettingsProblem(fileName, mark.getLine() + 1, mark.getColumn() + 1, message);
  }

  SettingsException problem(Node node, String message) {
    return new SettingsException(List.of(at(node.getStartMark(), message)));
  }
}
