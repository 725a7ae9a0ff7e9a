package io.tglive.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of an account's {@link RunnerSettings}. Each problem names the settings key it is about,
 * so a settings file can point at the line; the messages do not name the account.
 */
public final class RunnerRules {

  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
  private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,254}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*");

  /** Arguments the contract sets itself: one of these among the extra arguments would change what is planned or applied. */
  private static final List<String> CONTRACT_FLAGS = List.of("-out", "-destroy", "-input", "-detailed-exitcode",
      "-refresh-only");

  private RunnerRules() {}

  /**
   * One problem of runner settings.
   *
   * @param key the settings key it is about ({@code runner}, {@code planRole}, {@code retryOn}…)
   * @param message what is wrong, without the account's name
   */
  public record Problem(String key, String message) {}

  /** Every problem of {@code settings}, in key order. */
  public static List<Problem> check(RunnerSettings settings) {
    List<Problem> problems = new ArrayList<>();
    String runner = settings.runner();
    if (runner != null && !runner.equals(RunnerSettings.LOCAL) && !runner.equals(RunnerSettings.CODEBUILD)) {
      problems.add(new Problem("runner", "runner '" + runner + "' is unknown: use local or codebuild"));
    }
    matches(problems, "planRole", settings.planRole(), ROLE_ARN, "an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)");
    matches(problems, "applyRole", settings.applyRole(), ROLE_ARN, "an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)");
    if ((settings.planRole() == null) != (settings.applyRole() == null)) {
      String missing = settings.planRole() == null ? "planRole" : "applyRole";
      problems.add(new Problem(missing, "planRole and applyRole go together: plans run with the plan role, applies"
          + " with the apply role; " + missing + " is missing"));
    } else if (settings.planRole() != null && settings.planRole().equals(settings.applyRole())) {
      problems.add(new Problem("planRole", "planRole and applyRole are the same role: plans must never run with"
          + " the apply role"));
    }
    matches(problems, "codeBuildProject", settings.codeBuildProject(), PROJECT,
        "2-255 letters, digits, '-' or '_', starting with a letter or digit");
    matches(problems, "region", settings.region(), REGION, "a region like us-east-1");
    matches(problems, "codeBuildBucket", settings.codeBuildBucket(), BUCKET,
        "an S3 bucket name: 3-63 lowercase letters, digits, '.' or '-'");
    matches(problems, "codeBuildPrefix", settings.codeBuildPrefix(), PREFIX,
        "key segments of letters, digits and !_.*'()- separated by single '/', no leading or trailing '/'");
    if (RunnerSettings.CODEBUILD.equals(runner)) {
      for (String key : List.of("codeBuildProject", "region", "codeBuildBucket")) {
        if (value(settings, key) == null) {
          problems.add(new Problem(key, "runner codebuild needs " + key));
        }
      }
    }
    checkCommands(settings.commands(), problems);
    return problems;
  }

  /** The problems of settings a run would use with {@code runner} in place of the account's own runner. */
  public static List<Problem> checkWithRunner(RunnerSettings settings, String runner) {
    return check(settings.withRunner(runner));
  }

  private static void checkCommands(AccountCommands commands, List<Problem> problems) {
    if (commands.terragrunt().stream().anyMatch(String::isBlank)) {
      problems.add(new Problem("terragrunt", "terragrunt contains an empty entry"));
    }
    args(problems, "planArgs", commands.planArgs());
    args(problems, "applyArgs", commands.applyArgs());
    args(problems, "destroyArgs", commands.destroyArgs());
    for (String pattern : commands.retryOn()) {
      if (pattern.isBlank()) {
        problems.add(new Problem("retryOn", "retryOn contains an empty pattern (it would retry every failure)"));
        continue;
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        problems.add(new Problem("retryOn", "retryOn pattern '" + pattern + "' is not a regular expression: "
            + e.getDescription()));
      }
    }
    if (commands.timeout() != null) {
      try {
        Duration timeout = Duration.parse(commands.timeout());
        if (timeout.isNegative() || timeout.isZero()) {
          problems.add(new Problem("commandTimeout", "commandTimeout must be positive, not " + commands.timeout()));
        }
      } catch (DateTimeParseException e) {
        problems.add(new Problem("commandTimeout", "commandTimeout '" + commands.timeout()
            + "' is not an ISO-8601 duration such as PT30M or PT2H"));
      }
    }
  }

  private static void args(List<Problem> problems, String key, List<String> args) {
    for (String arg : args) {
      if (arg.isBlank()) {
        problems.add(new Problem(key, key + " contains an empty argument"));
        continue;
      }
      String flag = arg.strip().replaceFirst("^--", "-").replaceFirst("=.*", "");
      if (CONTRACT_FLAGS.contains(flag)) {
        problems.add(new Problem(key, key + " may not contain '" + arg + "': tglive sets " + flag
            + " itself (plan -input=false -detailed-exitcode -out=<plan>, -destroy for deleted units, apply"
            + " -input=false <approved plan>)"));
      }
    }
  }

  private static void matches(List<Problem> problems, String key, String value, Pattern pattern, String expected) {
    if (value != null && !pattern.matcher(value).matches()) {
      problems.add(new Problem(key, key + " '" + value + "' is invalid: expected " + expected));
    }
  }

  private static String value(RunnerSettings settings, String key) {
    return switch (key) {
      case "codeBuildProject" -> settings.codeBuildProject();
      case "region" -> settings.region();
      default -> settings.codeBuildBucket();
    };
  }
}
