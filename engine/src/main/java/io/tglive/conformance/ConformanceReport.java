package io.tglive.conformance;

import java.util.List;

/**
 * The outcome of comparing tglive with terragrunt on one repository (or one change).
 *
 * @param subject what was compared, such as {@code graph of /repo}
 * @param terragruntVersion the version line of the terragrunt used as the oracle
 * @param units how many units terragrunt found (or selected, for a change)
 * @param differences every difference, documented or not
 */
public record ConformanceReport(String subject, String terragruntVersion, int units, List<Difference> differences) {

  public ConformanceReport {
    differences = List.copyOf(differences);
  }

  /** The differences no documented divergence explains: bugs. */
  public List<Difference> undocumented() {
    return differences.stream().filter(Difference::undocumented).toList();
  }

  /** True when every difference is a documented divergence. */
  public boolean conforms() {
    return undocumented().isEmpty();
  }

  /** A human-readable report: a summary line, then one line per difference. */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append(subject).append(" against ").append(terragruntVersion).append(": ")
        .append(units).append(units == 1 ? " unit, " : " units, ")
        .append(differences.size() - undocumented().size()).append(" documented divergence(s), ")
        .append(undocumented().size()).append(" undocumented\n");
    for (Difference difference : differences) {
      text.append("  ").append(difference).append('\n');
    }
    return text.toString();
  }
}
