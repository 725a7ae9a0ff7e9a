package io.tglive.approval;

import static io.tglive.approval.GateFixture.hash;
import static io.tglive.approval.GateFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Votes acknowledged to a voter survive a {@code kill -9} of the process that cast them. */
class VoteKillTest {

  private static final int VOTERS = 2_000;
  private static final int KILLS = 6;

  @TempDir Path tmp;

  @Test
  void everyAcknowledgedVoteSurvivesAKillOfTheVotingProcess() throws Exception {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < VOTERS; i++) {
      voters.add("user" + i);
    }
    VoteLedger ledger = GateFixture.ledger(GateFixture.run(tmp), Clock.systemUTC());
    ledger.open("app", plan(hash('a')), GateFixture.terms(voters, VOTERS, VOTERS), "PR #12", "c");
    Random random = new Random(42);
    Set<String> acknowledged = new HashSet<>();
    int next = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          VoteWriter.class.getName(), tmp.toString(), String.valueOf(next), String.valueOf(VOTERS))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int killAfter = 3 + random.nextInt(20);
      try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        int seen = 0;
        while ((line = out.readLine()) != null) {
          acknowledged.add(line.substring("ack ".length()));
          if (++seen == killAfter) {
            writer.destroyForcibly(); // SIGKILL, possibly in the middle of the next vote's append
            break;
          }
        }
      }
      writer.waitFor();
      GateState gate = ledger.current("app").orElseThrow();
      assertThat(gate.approvers()).containsAll(acknowledged);
      next = gate.approvers().size();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * 3);
    assertThat(ledger.current("app").orElseThrow().approvers()).doesNotHaveDuplicates();
  }
}
