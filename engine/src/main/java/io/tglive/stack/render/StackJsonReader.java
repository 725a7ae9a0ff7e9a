package io.tglive.stack.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.change.DiffMode;
import io.tglive.change.Reason;
import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.DeployStack;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what {@link StackJsonRenderer} wrote back into a {@link StackResult}, so a stored stack can be
 * shown and handed on again; the warnings, which the JSON does not carry, come back empty.
 */
public final class StackJsonReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StackJsonReader() {}

  /** The result the JSON text describes. */
  public static StackResult read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a stack JSON document: " + e.getOriginalMessage(), e);
    }
    TreeMap<String, StackUnit> units = new TreeMap<>();
    for (JsonNode unit : required(root, "units")) {
      units.put(text(unit, "path"), unit(unit));
    }
    List<List<String>> order = new ArrayList<>();
    required(root, "order").forEach(level -> order.add(strings(level)));
    List<StackResult.Unresolved> unresolved = new ArrayList<>();
    for (JsonNode edge : required(root, "unresolved")) {
      unresolved.add(new StackResult.Unresolved(text(edge, "unit"), text(edge, "file"), required(edge, "line").asInt(),
          text(edge, "expression"), text(edge, "tree"), edge.has("reason") ? text(edge, "reason") : ""));
    }
    JsonNode missing = root.get("missing");
    return new StackResult(text(root, "base"), text(root, "head"), DiffMode.fromLabel(text(root, "diff")),
        new DeployStack(units, order), new TreeSet<>(strings(required(root, "unmapped"))),
        new TreeSet<>(strings(required(root, "ignored"))), new TreeSet<>(strings(required(root, "excluded"))),
        unresolved, List.of(), missing == null ? new TreeSet<>() : new TreeSet<>(strings(missing)));
  }

  private static StackUnit unit(JsonNode unit) {
    JsonNode policy = required(unit, "policy");
    JsonNode account = required(unit, "account");
    return new StackUnit(
        text(unit, "path"),
        action(text(unit, "action")),
        new TreeSet<>(strings(required(unit, "reasons")).stream().map(StackJsonReader::reason).toList()),
        account.isNull() ? null : account.asText(),
        new ApprovalPolicy(strings(required(policy, "voters")), required(policy, "approvalsRequired").asInt(),
            required(policy, "rejectionsRequired").asInt(), rules(policy.get("rules"))),
        new TreeSet<>(strings(required(unit, "dependencies"))),
        new TreeSet<>(strings(required(unit, "dependents"))),
        new TreeSet<>(strings(required(unit, "after"))),
        required(unit, "wave").asInt(),
        required(unit, "criticalPath").asInt());
  }

  /** The finer approval rules written with a policy, or the defaults. */
  private static GateRules rules(JsonNode rules) {
    if (rules == null || rules.isNull()) {
      return GateRules.DEFAULT;
    }
    JsonNode rollback = rules.path("rollback");
    JsonNode voters = rollback.path("voters");
    return new GateRules(rules.path("allowSelfApproval").asBoolean(false), count(rules, "destroyApprovalsRequired"),
        count(rules, "newProviderApprovalsRequired"), rules.path("gateTimeout").isTextual()
            ? rules.path("gateTimeout").asText() : null,
        new RollbackRules(voters.isArray() ? strings(voters) : null, count(rollback, "approvalsRequired"),
            count(rollback, "rejectionsRequired")));
  }

  private static Integer count(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isInt() ? value.asInt() : null;
  }

  private static StackAction action(String label) {
    for (StackAction action : StackAction.values()) {
      if (action.label().equals(label)) {
        return action;
      }
    }
    throw new IllegalArgumentException("unknown stack action '" + label + "'");
  }

  private static Reason reason(String text) {
    int colon = text.indexOf(':');
    String label = colon < 0 ? text : text.substring(0, colon);
    for (Reason.Kind kind : Reason.Kind.values()) {
      if (kind.label().equals(label)) {
        return new Reason(kind, colon < 0 ? "" : text.substring(colon + 1));
      }
    }
    throw new IllegalArgumentException("unknown reason '" + text + "'");
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw new IllegalArgumentException("not a stack JSON document: no '" + field + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(value -> strings.add(value.asText()));
    return strings;
  }
}
