package io.tglive.run.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The snapshot file of a run ({@code state.json}): the journal folded up to {@code lastSeq}.
 *
 * @param lastSeq the last journal event it includes
 * @param outcome {@code succeeded}, {@code failed}, {@code rejected}, or null while running
 * @param header what the run deploys
 * @param units every unit's record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSnapshot(long lastSeq, String outcome, RunHeader header, Map<String, UnitRecord> units) {

  static RunSnapshot of(RunState state) {
    return new RunSnapshot(state.lastSeq(), state.outcome(), state.header(), Map.copyOf(state.units()));
  }
}
