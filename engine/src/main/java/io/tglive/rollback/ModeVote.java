package io.tglive.rollback;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.approval.GateTerms;
import io.tglive.approval.Membership;
import io.tglive.run.state.AtomicFiles;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.stack.ApprovalPolicy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The voters' choice of a rollback's mode, inside the approval process: each rollback voter votes
 * for one of the offered modes; a mode other than {@code none} is chosen when it has the rollback
 * approvals required, {@code none} when it has the rollback rejections required (a voter's latest
 * vote counts). Kept in {@value #FILE} in the run directory, rewritten atomically under a lock, so
 * votes from several processes (the build's page, scripts) are all counted.
 *
 * <p>The terms come from the rollback policies of the units the run changed: every listed rollback
 * voter of them, the largest approvals and rejections required (at least one approval: a mode is
 * never chosen by nobody).
 */
public final class ModeVote {

  /** The file in the run directory. */
  public static final String FILE = "rollback-mode.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModeVote() {}

  /**
   * Who chooses and how many votes settle a choice.
   *
   * @param choices the modes offered, in order
   * @param voters users and {@code group:NAME} entries
   * @param approvalsRequired votes that choose a mode other than {@code none}
   * @param rejectionsRequired votes that choose {@code none}
   */
  public record Terms(List<String> choices, List<String> voters, int approvalsRequired, int rejectionsRequired) {

    public Terms {
      choices = List.copyOf(choices);
      voters = List.copyOf(voters);
    }

    /** Whether {@code user} may vote (listed, or a member of a listed group). */
    public boolean isVoter(String user, Membership membership) {
      return new GateTerms(voters, approvalsRequired, rejectionsRequired, true, List.of(), null, "")
          .isVoter(user, membership);
    }
  }

  /**
   * One vote.
   *
   * @param voter who
   * @param choice the mode
   * @param comment why, or empty
   * @param at ISO-8601 instant
   */
  public record Ballot(String voter, String choice, String comment, String at) {}

  /**
   * The vote as recorded.
   *
   * @param terms its terms
   * @param ballots every vote in order (a voter's latest counts)
   * @param chosen the mode chosen, or null while open
   */
  public record State(Terms terms, List<Ballot> ballots, String chosen) {

    public State {
      ballots = List.copyOf(ballots);
    }

    /** Each voter's latest choice, in order of their first vote. */
    public Map<String, String> latest() {
      Map<String, String> latest = new LinkedHashMap<>();
      ballots.forEach(ballot -> latest.put(ballot.voter().toLowerCase(Locale.ROOT), ballot.choice()));
      return latest;
    }

    /** Votes per offered mode, in the order offered. */
    public Map<String, Integer> tally() {
      Map<String, Integer> tally = new LinkedHashMap<>();
      terms.choices().forEach(choice -> tally.put(choice, 0));
      latest().values().forEach(choice -> tally.merge(choice, 1, Integer::sum));
      return tally;
    }

    /** Whether a mode was chosen. */
    public boolean closed() {
      return chosen != null;
    }

    /** How many votes each mode needs: {@code none} the rejections required, the others the approvals. */
    public int needed(String choice) {
      return choice.equals(RollbackMode.NONE.label()) ? terms.rejectionsRequired() : terms.approvalsRequired();
    }
  }

  /** How a vote went. */
  public enum Outcome { RECORDED, UNCHANGED, NOT_A_VOTER, UNKNOWN_CHOICE, CLOSED, NOT_OPEN }

  /**
   * A vote's answer.
   *
   * @param outcome what happened
   * @param message one line for people and scripts
   */
  public record Result(Outcome outcome, String message) {}

  /**
   * The terms for a run: the rollback policies of the units it changed. Empty when it changed none
   * (there is nothing to roll back, so nothing to choose).
   *
   * @throws RollbackException when a choice is not a mode, or nobody could vote
   */
  public static Optional<Terms> terms(RunHeader header, Map<String, UnitRecord> records, List<String> choices)
      throws RollbackException {
    List<String> offered = new ArrayList<>();
    for (String choice : choices) {
      String mode = RollbackMode.parse(choice).label();
      if (!offered.contains(mode)) {
        offered.add(mode);
      }
    }
    if (offered.isEmpty()) {
      throw new RollbackException("no rollback mode offered: choose among all, selective and none");
    }
    LinkedHashSet<String> voters = new LinkedHashSet<>();
    int approvals = 1;
    int rejections = 1;
    boolean changed = false;
    for (RunUnit unit : header.units()) {
      UnitRecord record = records.get(unit.path());
      if (record == null || !RollbackPlanner.changed(record)) {
        continue;
      }
      changed = true;
      ApprovalPolicy policy = RunUnitPolicies.of(unit);
      voters.addAll(policy.voters());
      approvals = Math.max(approvals, policy.approvalsRequired());
      rejections = Math.max(rejections, policy.rejectionsRequired());
    }
    if (!changed) {
      return Optional.empty();
    }
    if (voters.isEmpty()) {
      throw new RollbackException("nobody may choose the rollback mode: the units the run changed have no (rollback)"
          + " voters; set rollbackVoters on their accounts");
    }
    return Optional.of(new Terms(offered, List.copyOf(voters), approvals, rejections));
  }

  /** Opens the vote in {@code runDirectory} with {@code terms}; a vote already open (or settled) is kept as it is. */
  public static State open(Path runDirectory, Terms terms) throws IOException {
    try (Locked locked = lock(runDirectory)) {
      Optional<State> existing = read(runDirectory);
      if (existing.isPresent()) {
        return existing.get();
      }
      State state = new State(terms, List.of(), null);
      write(runDirectory, state);
      return state;
    }
  }

  /** The vote in {@code runDirectory}, if one was opened. */
  public static Optional<State> read(Path runDirectory) throws IOException {
    Path file = runDirectory.resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(MAPPER.readValue(file.toFile(), State.class)) : Optional.empty();
  }

  /** Casts {@code user}'s vote for {@code choice}; when it settles the vote, the chosen mode is recorded. */
  public static Result vote(Path runDirectory, String user, Membership membership, String choice, String comment,
      Clock clock) throws IOException {
    try (Locked locked = lock(runDirectory)) {
      Optional<State> read = read(runDirectory);
      if (read.isEmpty()) {
        return new Result(Outcome.NOT_OPEN, "no rollback mode vote is open in this run");
      }
      State state = read.get();
      if (state.closed()) {
        return new Result(Outcome.CLOSED, "the rollback mode vote is closed: " + state.chosen() + " was chosen");
      }
      if (!state.terms().isVoter(user, membership)) {
        return new Result(Outcome.NOT_A_VOTER, user + " may not choose the rollback mode (voters: "
            + String.join(", ", state.terms().voters()) + ")");
      }
      String mode = choice == null ? "" : choice.strip().toLowerCase(Locale.ROOT);
      if (!state.terms().choices().contains(mode)) {
        return new Result(Outcome.UNKNOWN_CHOICE, "'" + choice + "' is not offered: choose "
            + String.join(", ", state.terms().choices()));
      }
      if (mode.equals(state.latest().get(user.toLowerCase(Locale.ROOT)))) {
        return new Result(Outcome.UNCHANGED, user + " already chose " + mode + "; " + describe(state));
      }
      List<Ballot> ballots = new ArrayList<>(state.ballots());
      ballots.add(new Ballot(user, mode, comment == null ? "" : comment.strip(), clock.instant().toString()));
      State voted = new State(state.terms(), ballots, null);
      String chosen = voted.tally().get(mode) >= voted.needed(mode) ? mode : null;
      State next = new State(state.terms(), ballots, chosen);
      write(runDirectory, next);
      return new Result(Outcome.RECORDED, user + " chose " + mode + "; " + describe(next));
    }
  }

  /** The tally in words: {@code all 1 of 1, selective 0 of 1, none 0 of 1; all chosen}. */
  public static String describe(State state) {
    List<String> parts = new ArrayList<>();
    state.tally().forEach((choice, votes) -> parts.add(choice + " " + votes + " of " + state.needed(choice)));
    return String.join(", ", parts) + (state.closed() ? "; " + state.chosen() + " chosen" : "; open");
  }

  private static void write(Path runDirectory, State state) throws IOException {
    AtomicFiles.write(runDirectory.resolve(FILE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
  }

  /** An exclusive lock held across read and write, between threads (one JVM lock) and processes (a file lock). */
  private static Locked lock(Path runDirectory) throws IOException {
    Files.createDirectories(runDirectory);
    THREADS.lock();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(runDirectory.resolve(FILE + ".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      return new Locked(channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      THREADS.unlock();
      throw e;
    }
  }

  private static final ReentrantLock THREADS = new ReentrantLock();

  /** The held lock; closing it releases both locks and the file. */
  private record Locked(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } finally {
        THREADS.unlock();
      }
    }
  }
}
