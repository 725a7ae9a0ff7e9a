package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueCommandTest {

  @TempDir Path tmp;

  private final TgliveRun tglive = new TgliveRun();

  private int queue(String... args) {
    List<String> argv = new ArrayList<>(List.of("queue"));
    argv.add(args[0]);
    argv.addAll(List.of("--queue-dir", tmp.resolve("q").toString()));
    argv.addAll(List.of(args).subList(1, args.length));
    return tglive.execute(argv.toArray(String[]::new));
  }

  private int add(int pr, String head, String mergedAt) {
    return queue("add", "--repository", "acme/live", "--pr", "" + pr, "--base", "main", "--head", head,
        "--merge", "m" + head, "--author", "dev" + pr, "--merged-at", mergedAt);
  }

  @Test
  void mergedPullRequestsAreListedWithPositionsAndDeployOneAtATime() {
    assertThat(add(12, "aaa", "2026-01-01T10:00:00Z")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("added PR #12 (aaa) to queue acme/live\n");
    assertThat(add(13, "bbb", "2026-01-01T10:05:00Z")).isEqualTo(0);
    assertThat(add(14, "ccc", "2026-01-01T10:10:00Z")).isEqualTo(0);

    assertThat(queue("override", "--pr", "14", "--by", "admin")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("moved PR #14 (ccc) to the front of queue acme/live\n");
    assertThat(queue("next")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("deploying PR #14 (ccc) of acme/live: merge mccc into main (entry 3, attempt 1)\n");
    assertThat(queue("next")).as("one at a time").isEqualTo(1);
    assertThat(tglive.out()).isEqualTo("waiting: PR #14 is deploying\n");

    assertThat(queue("list")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("""
        queue acme/live
          pos  pr      state        head         merge        merged at            attempts by / reason
          now  #14     deploying    ccc          mccc         2026-01-01T10:10:00Z 0        dev14
          1    #12     queued       aaa          maaa         2026-01-01T10:00:00Z 0        dev12
          2    #13     queued       bbb          mbbb         2026-01-01T10:05:00Z 0        dev13
        """);

    assertThat(queue("complete", "--pr", "14", "--outcome", "failed", "--reason", "plan failed",
        "--max-attempts", "1")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo(
        "PR #14 (ccc) dropped: dropped after 1 failed attempt (max 1); last failed: plan failed\n");
    assertThat(queue("remove", "--pr", "13", "--by", "admin", "--reason", "reverted")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("dropped PR #13 (bbb) from queue acme/live: removed by admin: reverted\n");

    assertThat(queue("list", "--all", "--format", "json")).isEqualTo(0);
    assertThat(tglive.out())
        .contains("\"queue\": \"acme/live\"")
        .contains("\"position\": 1,\n      \"id\": 1,\n      \"pr\": 12,\n      \"state\": \"queued\"")
        .contains("\"position\": null,\n      \"id\": 3,\n      \"pr\": 14,\n      \"state\": \"dropped\"");
  }

  @Test
  void releaseChangeAddsTheNewestCommitAndAsksTheDeploymentToStop() {
    add(12, "aaa", "2026-01-01T10:00:00Z");
    add(13, "bbb", "2026-01-01T10:05:00Z");
    queue("next");
    assertThat(queue("release", "--pr", "12", "--by", "alice", "--head", "a2", "--merge", "ma2")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("asked PR #12 to stop; PR #12 (a2) deploys next in queue acme/live\n");
    queue("list");
    assertThat(tglive.out()).contains("now  #12     deploying*").contains("1    #12     queued       a2");
    assertThat(queue("complete", "--pr", "12", "--outcome", "succeeded")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("PR #12 (aaa) superseded: release change: stopped (succeeded)\n");
    queue("next");
    assertThat(tglive.out()).startsWith("deploying PR #12 (a2)");
  }

  @Test
  void mistakesAreOneLineErrorsWithExitTwo() {
    assertThat(queue("next")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: " + tmp.resolve("q") + " has no queue yet; name one with --queue\n");

    add(12, "aaa", "2026-01-01T10:00:00Z");
    assertThat(queue("complete", "--pr", "12", "--outcome", "done")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: --outcome: unknown outcome 'done' (succeeded, failed or rolled-back)\n");
    assertThat(queue("complete", "--pr", "12", "--outcome", "failed")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: PR #12 is not deploying: nothing is deploying in queue acme/live\n");
    assertThat(add(13, "bbb", "last tuesday")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo(
        "error: merge time 'last tuesday' is not an ISO-8601 instant (2026-01-31T12:00:00Z)\n");

    queue("add", "--queue", "other", "--repository", "acme/other", "--pr", "1", "--base", "main", "--head", "h",
        "--merge", "m");
    assertThat(queue("list")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: " + tmp.resolve("q")
        + " has several queues (acme/live, other); name one with --queue\n");
    assertThat(queue("list", "--queue", "other")).isEqualTo(0);
    assertThat(queue("override", "--pr", "1")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: Missing required option: '--by=USER'");
  }
}
