package io.tglive.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads {@link RepoSettings} from YAML, keeping where each account was written for error messages. */
final class SettingsParser {

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private static final String TOP_LEVEL_KEYS = "accounts, ignore";

  private static final Map<String, RecordComponent> ACCOUNT_COMPONENTS = Arrays
      .stream(AccountYaml.class.getRecordComponents())
      .collect(Collectors.toMap(RecordComponent::getName, c -> c, (a, b) -> a, LinkedHashMap::new));

  private static final String ACCOUNT_KEYS = String.join(", ", ACCOUNT_COMPONENTS.keySet());

  /** One account as written in YAML; absent counts take their defaults. */
  private record AccountYaml(
      String name,
      String path,
      List<String> voters,
      Integer approvalsRequired,
      Integer rejectionsRequired,
      List<String> dependencies,
      String planRole,
      String applyRole,
      String codeBuildProject,
      String region) {

    Account toAccount() {
      return new Account(
          name,
          path,
          voters,
          approvalsRequired == null ? 1 : approvalsRequired,
          rejectionsRequired == null ? 1 : rejectionsRequired,
          dependencies,
          new RunnerSettings(planRole, applyRole, codeBuildProject, region));
    }
  }

  private final String fileName;

  SettingsParser(String fileName) {
    this.fileName = fileName;
  }

  RepoSettings parse(String yaml) throws SettingsException {
    List<Account> accounts = new ArrayList<>();
    List<JsonLocation> accountLocations = new ArrayList<>();
    List<String> ignore = RepoSettings.DEFAULT_IGNORE;
    try (JsonParser parser = MAPPER.createParser(yaml)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.VALUE_NULL) {
        return RepoSettings.defaults();
      }
      if (token != JsonToken.START_OBJECT) {
        throw problem(parser.currentTokenLocation(), "expected a mapping with the keys " + TOP_LEVEL_KEYS);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonLocation keyLocation = parser.currentTokenLocation();
        parser.nextToken();
        switch (key) {
          case "accounts" -> readAccounts(parser, accounts, accountLocations);
          case "ignore" -> ignore = readIgnore(parser);
          default -> throw problem(keyLocation,
              "unknown top-level key '" + key + "' (known keys: " + TOP_LEVEL_KEYS + ")");
        }
      }
      if (parser.nextToken() != null) {
        throw problem(parser.currentTokenLocation(), "only one YAML document is allowed");
      }
    } catch (MismatchedInputException e) {
      throw problem(e.getLocation(), "'" + field(e) + "' must be " + expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      throw problem(e.getLocation(), firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading YAML from a string", e);
    }
    return validated(accounts, accountLocations, ignore);
  }

  private void readAccounts(JsonParser parser, List<Account> accounts, List<JsonLocation> locations)
      throws IOException, SettingsException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw problem(parser.currentTokenLocation(), "'accounts' must be a list of accounts");
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw problem(parser.currentTokenLocation(),
            "each account must be a mapping with the keys " + ACCOUNT_KEYS);
      }
      locations.add(parser.currentTokenLocation());
      accounts.add(readAccount(parser));
    }
  }

  /** Reads one account key by key, so that an unknown key or a bad value is reported where it is written. */
  private Account readAccount(JsonParser parser) throws IOException, SettingsException {
    Map<String, Object> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation keyLocation = parser.currentTokenLocation();
      RecordComponent component = ACCOUNT_COMPONENTS.get(key);
      if (component == null) {
        throw problem(keyLocation, "unknown account key '" + key + "' (known keys: " + ACCOUNT_KEYS + ")");
      }
      parser.nextToken();
      try {
        values.put(key, MAPPER.readValue(parser, MAPPER.constructType(component.getGenericType())));
      } catch (MismatchedInputException e) {
        throw problem(e.getLocation(), "'" + key + "' must be " + expected(component.getType()));
      }
    }
    return MAPPER.convertValue(values, AccountYaml.class).toAccount();
  }

  private List<String> readIgnore(JsonParser parser) throws IOException, SettingsException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw problem(parser.currentTokenLocation(), "'ignore' must be a list of globs");
    }
    JsonLocation location = parser.currentTokenLocation();
    List<String> globs = MAPPER.readValue(parser, new TypeReference<List<String>>() {});
    if (globs.stream().anyMatch(g -> g == null || g.isBlank())) {
      throw problem(location, "'ignore' contains an empty glob");
    }
    return globs;
  }

  private RepoSettings validated(List<Account> accounts, List<JsonLocation> locations, List<String> ignore)
      throws SettingsException {
    List<AccountProblem> problems = AccountRules.check(accounts);
    if (!problems.isEmpty()) {
      throw new SettingsException(problems.stream()
          .sorted(Comparator.comparingInt(AccountProblem::accountIndex))
          .map(p -> at(locations.get(p.accountIndex()), p.message()))
          .toList());
    }
    return new RepoSettings(new AccountMapping(accounts), ignore);
  }

  private static String field(MismatchedInputException e) {
    return e.getPath().stream()
        .map(JsonMappingException.Reference::getFieldName)
        .filter(Objects::nonNull)
        .reduce((first, second) -> second)
        .orElse("value");
  }

  private static String expected(Class<?> type) {
    if (type != null && Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a single value";
    }
    return "of another type";
  }

  private static String firstLine(String message) {
    String text = message == null ? "invalid YAML" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private SettingsProblem at(JsonLocation location, String message) {
    return location == null
        ? new SettingsProblem(fileName, 1, 1, message)
        : new SettingsProblem(fileName, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()), message);
  }

  private SettingsException problem(JsonLocation location, String message) {
    return new SettingsException(List.of(at(location, message)));
  }
}
