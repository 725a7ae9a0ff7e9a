package io.tglive.approval;

import java.util.List;
import java.util.Objects;

/**
 * The change a run deploys, as gates and their audit log name it.
 *
 * @param change how people name it: {@code PR #12}, or the short head commit
 * @param commit the head commit
 * @param authors the author's identities (see {@link GateTerms#authorIdentities}); they may not approve
 */
public record ChangeInfo(String change, String commit, List<String> authors) {

  public ChangeInfo {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(commit, "commit");
    authors = List.copyOf(authors);
  }
}
