package io.tglive.approval.notify;

import io.tglive.run.terragrunt.PlanSummary;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Gate notices for the notifier tests. */
final class Notices {

  static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private Notices() {}

  static PlanSummary plan(List<String> changes) {
    return new PlanSummary(1, 1, 0, 0, changes, new TreeSet<>(List.of("registry.opentofu.org/hashicorp/random")),
        List.of("random_pet.name"), new TreeSet<>(List.of("registry.opentofu.org/hashicorp/random")), List.of(), HASH);
  }

  static GateNotice notice(List<String> voters) {
    return new GateNotice("20261130-101500-abc1234", "live/prod/vpc", Optional.of("prod"), "PR #12",
        "abc1234def5678abc1234def5678abc1234def56",
        plan(List.of("create random_pet.name", "update terraform_data.config")), voters,
        Optional.of(URI.create("https://jenkins.example.com/job/live/12/tglive-gates/")));
  }
}
