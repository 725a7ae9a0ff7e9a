package io.tglive.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.state.AtomicFiles;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.terragrunt.PlanSummary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The votes of a run, in its directory: {@code votes.jsonl}, one JSON line per gate opened, vote
 * cast or gate closed, shared by every process that votes (the run itself, {@code tglive approve},
 * Jenkins). Each change reads the ledger, checks the vote against it and appends under an exclusive
 * file lock, and is on disk ({@code fsync}) before it is acknowledged; a last line cut short by a
 * crash is ignored. Gates are keyed by (unit, plan hash): a new hash supersedes the unit's gate and
 * its votes, the same hash keeps them. A gate settles when its approvals or rejections reach the
 * required counts (at once when none are required). {@code audit.jsonl} is rewritten from the ledger (atomically) after each vote.
 */
public final class VoteLedger {

  /** The ledger's file name in a run directory. */
  public static final String FILE = "votes.jsonl";
  /** The audit log's file name in a run directory. */
  public static final String AUDIT = "audit.jsonl";

  /** Why a gate of a policy needing no approval passed without votes. */
  public static final String NO_GATE = "approvalsRequired is 0";

  private static final String LOCK = "votes.lock";
  private static final int SHORTEST_HASH_PREFIX = 12;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path directory;
  private final RunHeader header;
  private final Clock clock;

  private VoteLedger(Path directory, RunHeader header, Clock clock) {
    this.directory = directory;
    this.header = header;
    this.clock = clock;
  }

  /** The ledger of the run in {@code directory}, or empty when no run is there. */
  public static Optional<VoteLedger> of(Path directory, Clock clock) throws IOException {
    Path journal = directory.resolve(RunLedger.JOURNAL);
    if (!Files.isRegularFile(journal)) {
      return Optional.empty();
    }
    List<RunEvent> events = RunJournal.read(journal).events();
    if (events.isEmpty() || events.get(0).type() != EventType.RUN_STARTED) {
      return Optional.empty();
    }
    return Optional.of(new VoteLedger(directory.toAbsolutePath().normalize(), events.get(0).header(), clock));
  }

  /** The ledger of the run in {@code directory}; an {@link IOException} when no run is there. */
  public static VoteLedger in(Path directory) throws IOException {
    return of(directory, Clock.systemUTC())
        .orElseThrow(() -> new IOException(directory + ": not a run directory (no " + RunLedger.JOURNAL + ")"));
  }

  /** Casts a vote in the run of {@code directory}; {@link VoteOutcome#UNKNOWN_RUN} when no run is there. */
  public static VoteResult voteIn(Path directory, VoteRequest request, Membership membership) throws IOException {
    Optional<VoteLedger> ledger = of(directory, Clock.systemUTC());
    return ledger.isPresent() ? ledger.get().vote(request, membership)
        : VoteResult.refused(VoteOutcome.UNKNOWN_RUN, "no run in " + directory, null);
  }

  /** The run directory. */
  public Path directory() {
    return directory;
  }

  /** The run's header. */
  public RunHeader header() {
    return header;
  }

  /**
   * Opens the gate of {@code unit} for {@code plan}, or finds it open (or settled) for the same hash
   * with its votes. A gate no votes could pass is closed as rejected at once.
   */
  public GateState open(String unit, PlanSummary plan, GateTerms terms, String change, String commit)
      throws IOException {
    return locked(lines -> {
      Optional<GateState> current = fold(lines).current(unit);
      if (current.isPresent() && current.get().hash().equals(plan.hash())) {
        return current.get();
      }
      String now = clock.instant().toString();
      List<LedgerLine> added = new ArrayList<>(List.of(LedgerLine.opened(now, unit, plan, terms, change, commit)));
      if (terms.approvalsRequired() == 0) {
        added.add(LedgerLine.closed(now, unit, plan.hash(), GateStatus.APPROVED, NO_GATE));
      } else {
        terms.unreachable().ifPresent(why -> added.add(
            LedgerLine.closed(now, unit, plan.hash(), GateStatus.REJECTED, "the gate cannot pass: " + why)));
      }
      append(added);
      lines.addAll(added);
      return fold(lines).current(unit).orElseThrow();
    });
  }

  /** Casts a vote: records it, or says why not. */
  public VoteResult vote(VoteRequest request, Membership membership) throws IOException {
    VoteResult result = locked(lines -> {
      Gates gates = fold(lines);
      Optional<GateState> found = gates.current(request.unit());
      if (found.isEmpty()) {
        boolean known = header.units().stream().anyMatch(u -> u.path().equals(request.unit()));
        return known
            ? VoteResult.refused(VoteOutcome.NO_OPEN_GATE, request.unit() + " is not waiting for approval", null)
            : VoteResult.refused(VoteOutcome.UNKNOWN_UNIT, "run " + header.id() + " has no unit " + request.unit(),
                null);
      }
      GateState gate = found.get();
      if (request.planHash() != null && !matches(request.planHash(), gate.hash())) {
        boolean earlier = gates.history(request.unit()).stream().anyMatch(g -> matches(request.planHash(), g.hash()));
        return earlier
            ? VoteResult.refused(VoteOutcome.PLAN_CHANGED, "the plan of " + request.unit() + " changed since "
                + short12(request.planHash()) + " was shown: vote on plan " + short12(gate.hash()), gate)
            : VoteResult.refused(VoteOutcome.WRONG_PLAN, request.unit() + " has no plan " + request.planHash()
                + " (its plan is " + short12(gate.hash()) + ")", gate);
      }
      if (gate.status().closed()) {
        return VoteResult.refused(VoteOutcome.CLOSED, "gate closed: " + request.unit() + " was already "
            + gate.status().name().toLowerCase(Locale.ROOT) + (gate.reason().isEmpty() ? "" : " (" + gate.reason() + ")"),
            gate);
      }
      if (!gate.terms().isVoter(request.voter(), membership)) {
        return VoteResult.refused(VoteOutcome.NOT_A_VOTER, request.voter() + " is not a voter of " + request.unit()
            + " (voters: " + String.join(", ", gate.terms().voters()) + ")", gate);
      }
      if (request.decision() == Decision.APPROVE && !gate.terms().allowSelfApproval()
          && gate.terms().isAuthor(request.voter())) {
        return VoteResult.refused(VoteOutcome.AUTHOR, request.voter() + " wrote the change and may not approve it",
            gate);
      }
      Optional<Vote> earlier = gate.voteOf(request.voter());
      if (earlier.isPresent() && earlier.get().decision() == request.decision()) {
        return new VoteResult(VoteOutcome.UNCHANGED, request.voter() + " already voted "
            + request.decision().word() + " on " + request.unit(), Optional.of(gate));
      }
      LedgerLine line = LedgerLine.vote(clock.instant().toString(), request.unit(), gate.hash(), request.voter(),
          request.decision(), request.comment());
      append(List.of(line));
      lines.add(line);
      GateState after = fold(lines).current(request.unit()).orElseThrow();
      return new VoteResult(earlier.isPresent() ? VoteOutcome.CHANGED : VoteOutcome.RECORDED,
          request.voter() + " voted " + request.decision().word() + " on " + request.unit() + ": " + after.tally()
              + (after.status().closed() ? "; " + after.status().name().toLowerCase(Locale.ROOT) : ""),
          Optional.of(after));
    });
    if (result.outcome() == VoteOutcome.RECORDED || result.outcome() == VoteOutcome.CHANGED) {
      writeAudit();
    }
    return result;
  }

  /** Closes {@code unit}'s gate for {@code hash} as rejected with reason {@code timeout} if it is still open past its deadline. */
  public GateState expireIfDue(String unit, String hash) throws IOException {
    return locked(lines -> {
      GateState gate = fold(lines).current(unit).orElseThrow(() -> new IOException("no gate for " + unit));
      Instant now = clock.instant();
      if (gate.status().closed() || !gate.hash().equals(hash) || gate.terms().deadline() == null
          || now.isBefore(Instant.parse(gate.terms().deadline()))) {
        return gate;
      }
      LedgerLine line = LedgerLine.closed(now.toString(), unit, hash, GateStatus.REJECTED, "timeout");
      append(List.of(line));
      lines.add(line);
      return fold(lines).current(unit).orElseThrow();
    });
  }

  /** The unit's current gate (the latest plan's), if one ever opened. */
  public Optional<GateState> current(String unit) throws IOException {
    return fold(read()).current(unit);
  }

  /** Every unit's current gate, in the order they first opened. */
  public List<GateState> gates() throws IOException {
    return fold(read()).currents();
  }

  /** The audit log: every vote cast, in order, with the run, change and commit. */
  public List<AuditEntry> audit() throws IOException {
    return audit(read());
  }

  private List<AuditEntry> audit(List<LedgerLine> lines) {
    Map<String, LedgerLine> opened = new LinkedHashMap<>();
    List<AuditEntry> entries = new ArrayList<>();
    for (LedgerLine line : lines) {
      if (LedgerLine.OPENED.equals(line.kind())) {
        opened.put(line.unit() + "\n" + line.hash(), line);
      } else if (LedgerLine.VOTE.equals(line.kind())) {
        LedgerLine gate = opened.get(line.unit() + "\n" + line.hash());
        entries.add(new AuditEntry(header.id(), line.unit(), line.hash(), line.voter(), line.decision(), line.at(),
            line.comment(), gate == null ? null : gate.change(), gate == null ? null : gate.commit()));
      }
    }
    return entries;
  }

  /** Rewrites {@code audit.jsonl} from the ledger; a crash before it only leaves it one vote behind until the next. */
  public void writeAudit() throws IOException {
    StringBuilder text = new StringBuilder();
    for (AuditEntry entry : audit()) {
      text.append(MAPPER.writeValueAsString(entry)).append('\n');
    }
    AtomicFiles.write(directory.resolve(AUDIT), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean matches(String given, String hash) {
    return given.equalsIgnoreCase(hash)
        || given.length() >= SHORTEST_HASH_PREFIX && hash.toLowerCase(Locale.ROOT).startsWith(given.toLowerCase(Locale.ROOT));
  }

  private static String short12(String hash) {
    return hash.length() <= SHORTEST_HASH_PREFIX ? hash : hash.substring(0, SHORTEST_HASH_PREFIX);
  }

  /** The gates the ledger's lines describe. */
  private Gates fold(List<LedgerLine> lines) {
    Gates gates = new Gates();
    for (LedgerLine line : lines) {
      gates.apply(line);
    }
    return gates;
  }

  /** Every gate of every unit, by unit in first-opened order. */
  private static final class Gates {
    private final Map<String, List<GateState>> byUnit = new LinkedHashMap<>();

    void apply(LedgerLine line) {
      List<GateState> history = byUnit.computeIfAbsent(line.unit(), u -> new ArrayList<>());
      GateState last = history.isEmpty() ? null : history.get(history.size() - 1);
      switch (line.kind()) {
        case LedgerLine.OPENED -> {
          if (last != null && last.status() == GateStatus.OPEN) {
            history.set(history.size() - 1, last.with(last.votes(), GateStatus.SUPERSEDED, "a newer plan"));
          }
          history.add(new GateState(line.unit(), line.plan(), line.terms(), line.change(), line.commit(), line.at(),
              List.of(), GateStatus.OPEN, ""));
        }
        case LedgerLine.VOTE -> {
          if (last == null || !last.hash().equals(line.hash()) || last.status().closed()) {
            return;
          }
          List<Vote> votes = new ArrayList<>(last.votes());
          Vote vote = new Vote(line.voter(), line.decision(), line.at(), line.comment());
          int index = votes.indexOf(last.voteOf(line.voter()).orElse(null));
          if (index >= 0) {
            votes.set(index, vote);
          } else {
            votes.add(vote);
          }
          GateState voted = last.with(votes, GateStatus.OPEN, "");
          GateStatus status = voted.approvers().size() >= last.terms().approvalsRequired() ? GateStatus.APPROVED
              : voted.rejecters().size() >= last.terms().rejectionsRequired() ? GateStatus.REJECTED : GateStatus.OPEN;
          history.set(history.size() - 1, voted.with(votes, status, ""));
        }
        case LedgerLine.CLOSED -> {
          if (last != null && last.hash().equals(line.hash()) && !last.status().closed()) {
            history.set(history.size() - 1, last.with(last.votes(), line.status(), line.reason()));
          }
        }
        default -> { }
      }
    }

    Optional<GateState> current(String unit) {
      List<GateState> history = byUnit.get(unit);
      return history == null || history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    List<GateState> history(String unit) {
      return byUnit.getOrDefault(unit, List.of());
    }

    List<GateState> currents() {
      return byUnit.values().stream().filter(h -> !h.isEmpty()).map(h -> h.get(h.size() - 1)).toList();
    }
  }

  /** A change made while holding the ledger's lock, given its lines as read under the lock. */
  @FunctionalInterface
  private interface LockedChange<T> {
    T apply(List<LedgerLine> lines) throws IOException;
  }

  /** Runs {@code change} holding this JVM's lock and the file lock, so other threads and processes wait. */
  private <T> T locked(LockedChange<T> change) throws IOException {
    ReentrantLock lock = LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
    lock.lock();
    try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock held = lockFile.lock()) {
      return change.apply(new ArrayList<>(read()));
    } finally {
      lock.unlock();
    }
  }

  /** Appends whole lines after the last whole line (dropping a torn one) and forces them to disk. */
  private void append(List<LedgerLine> lines) throws IOException {
    Path file = directory.resolve(FILE);
    long valid = validBytes(file);
    StringBuilder text = new StringBuilder();
    for (LedgerLine line : lines) {
      text.append(MAPPER.writeValueAsString(line)).append('\n');
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.truncate(valid);
      channel.position(valid);
      ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    }
  }

  private static long validBytes(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    return end;
  }

  private List<LedgerLine> read() throws IOException {
    Path file = directory.resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<LedgerLine> lines = new ArrayList<>();
    byte[] bytes = Files.readAllBytes(file);
    int start = 0;
    int number = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      number++;
      if (end == bytes.length) {
        break; // a torn last line: the crash came before its newline
      }
      try {
        lines.add(MAPPER.readValue(new String(bytes, start, end - start, StandardCharsets.UTF_8), LedgerLine.class));
      } catch (JsonProcessingException e) {
        throw new IOException(file + ":" + number + ": not a vote ledger line: " + e.getOriginalMessage());
      }
      start = end + 1;
    }
    return lines;
  }

  /** The units of the run, from its header. */
  public List<RunUnit> units() {
    return header.units();
  }
}
