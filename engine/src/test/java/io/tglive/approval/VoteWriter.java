package io.tglive.approval;

import java.nio.file.Path;
import java.time.Clock;

/** A separate process for {@link VoteKillTest}: casts votes as user0, user1, … and prints {@code ack NAME} once each is acknowledged. */
public final class VoteWriter {

  private VoteWriter() {}

  public static void main(String[] args) throws Exception {
    VoteLedger ledger = VoteLedger.of(Path.of(args[0]), Clock.systemUTC()).orElseThrow();
    int from = Integer.parseInt(args[1]);
    int to = Integer.parseInt(args[2]);
    for (int i = from; i < to; i++) {
      String voter = "user" + i;
      VoteResult result = ledger.vote(new VoteRequest("app", null, voter, Decision.APPROVE, "x".repeat(i % 300)),
          Membership.NONE);
      if (result.outcome().accepted()) {
        System.out.println("ack " + voter);
        System.out.flush();
      }
    }
  }
}
