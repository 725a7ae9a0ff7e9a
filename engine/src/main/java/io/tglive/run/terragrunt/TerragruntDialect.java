package io.tglive.run.terragrunt;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spelling of the installed terragrunt: 0.x reads {@code TERRAGRUNT_*} variables, 1.x reads
 * {@code TG_*} (and warns on the old names). Plan, show and apply are spelled alike in both.
 */
public enum TerragruntDialect {
  /** Terragrunt 0.x. */
  V0("TERRAGRUNT_NON_INTERACTIVE", "TERRAGRUNT_NO_COLOR"),
  /** Terragrunt 1.x, and builds without a version stamp ({@code terragrunt version latest}). */
  V1("TG_NON_INTERACTIVE", "TG_NO_COLOR");

  private static final Pattern VERSION = Pattern.compile("version\\s+v?(\\d+)\\.(\\d+)");

  private final String nonInteractive;
  private final String noColor;

  TerragruntDialect(String nonInteractive, String noColor) {
    this.nonInteractive = nonInteractive;
    this.noColor = noColor;
  }

  /** The dialect of {@code terragrunt --version}'s output; an unstamped build is the newest. */
  public static TerragruntDialect of(String versionOutput) {
    Matcher matcher = VERSION.matcher(versionOutput);
    if (matcher.find()) {
      return Integer.parseInt(matcher.group(1)) == 0 ? V0 : V1;
    }
    return V1;
  }

  /** Variables that keep terragrunt and OpenTofu from prompting and from colouring the logs. */
  public Map<String, String> environment() {
    return Map.of(nonInteractive, "true", noColor, "true", "TF_IN_AUTOMATION", "1");
  }
}
