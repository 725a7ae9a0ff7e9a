package io.tglive.run.terragrunt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the JSON of {@code show -json <plan file>} into a {@link PlanSummary}. The plan's identity
 * is the SHA-256 of its {@code resource_changes} without no-op entries, sorted by address, with
 * object keys sorted: the same changes give the same hash whatever the plan's timestamp or order.
 */
public final class PlanReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanReader() {}

  /** The summary of a plan; fails on anything that is not the JSON of a plan. */
  public static PlanSummary read(String showJson) throws PlanFormatException {
    JsonNode plan;
    try {
      plan = MAPPER.readTree(showJson);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("show -json did not print JSON: " + e.getOriginalMessage());
    }
    if (plan == null || !plan.isObject() || !plan.has("format_version")) {
      throw new PlanFormatException("show -json did not print a plan (no format_version)");
    }
    JsonNode changes = plan.path("resource_changes");
    List<JsonNode> effective = new ArrayList<>();
    for (JsonNode change : changes) {
      List<String> actions = actions(change);
      if (!actions.equals(List.of("no-op")) && !actions.equals(List.of("read"))) {
        effective.add(change);
      }
    }
    effective.sort((a, b) -> key(a).compareTo(key(b)));
    Set<String> priorProviders = priorProviders(plan.path("prior_state").path("values").path("root_module"));
    int create = 0;
    int update = 0;
    int delete = 0;
    int replace = 0;
    List<String> lines = new ArrayList<>();
    Set<String> providers = new TreeSet<>();
    List<String> added = new ArrayList<>();
    Set<String> providersAdded = new TreeSet<>();
    ArrayNode normalized = MAPPER.createArrayNode();
    for (JsonNode change : effective) {
      List<String> actions = actions(change);
      String address = change.path("address").asText();
      String provider = change.path("provider_name").asText();
      String label;
      if (actions.contains("create") && actions.contains("delete")) {
        replace++;
        label = "replace";
      } else if (actions.contains("create")) {
        create++;
        label = "create";
        added.add(address);
        if (!priorProviders.contains(provider)) {
          providersAdded.add(provider);
        }
      } else if (actions.contains("update")) {
        update++;
        label = "update";
      } else if (actions.contains("delete")) {
        delete++;
        label = "delete";
      } else {
        label = String.join("+", actions);
      }
      lines.add(label + " " + address);
      if (!provider.isEmpty()) {
        providers.add(provider);
      }
      normalized.add(sorted(change));
    }
    List<String> outputs = new ArrayList<>();
    plan.path("output_changes").fields().forEachRemaining(output -> {
      List<String> actions = new ArrayList<>();
      output.getValue().path("actions").forEach(a -> actions.add(a.asText()));
      if (!actions.equals(List.of("no-op"))) {
        outputs.add(output.getKey());
      }
    });
    outputs.sort(null);
    return new PlanSummary(create, update, delete, replace, lines, new TreeSet<>(providers), added,
        new TreeSet<>(providersAdded), ProviderConfigs.added(plan), outputs, sha256(normalized.toString()));
  }

  private static String key(JsonNode change) {
    return change.path("address").asText() + "\u0000" + change.path("deposed").asText();
  }

  private static List<String> actions(JsonNode change) {
    List<String> actions = new ArrayList<>();
    change.path("change").path("actions").forEach(a -> actions.add(a.asText()));
    return actions;
  }

  private static Set<String> priorProviders(JsonNode module) {
    Set<String> providers = new TreeSet<>();
    module.path("resources").forEach(r -> providers.add(r.path("provider_name").asText()));
    module.path("child_modules").forEach(child -> providers.addAll(priorProviders(child)));
    return providers;
  }

  /** A copy of {@code node} with every object's keys in sorted order. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        fields.put(name, sorted(node.get(name)));
      }
      ObjectNode copy = MAPPER.createObjectNode();
      fields.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /** Hex SHA-256 of a string's UTF-8 bytes. */
  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
