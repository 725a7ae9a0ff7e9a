package io.tglive.run.state;

import java.util.List;

/**
 * What a run deploys: recorded once, in the first journal event.
 *
 * @param id the run's id
 * @param repo absolute path of the repository
 * @param base the base revision as given, {@code baseCommit} its full sha
 * @param head the head revision as given, {@code headCommit} its full sha
 * @param units every unit of the stack
 */
public record RunHeader(String id, String repo, String base, String baseCommit, String head, String headCommit,
    List<RunUnit> units) {

  public RunHeader {
    units = List.copyOf(units);
  }
}
