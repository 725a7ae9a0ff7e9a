package io.tglive.rollback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rollback that mode {@code all} would run, computed before the change's gates open so that
 * voters approve knowing the way back: every unit of the run as if applied, its action from both
 * trees, new providers from the lock files or from the plans made so far (no addresses: those are
 * read from the state when the rollback is planned). {@code tglive run} writes it to
 * {@code rollback-preview.json} in the run directory when the run starts; the report shows it; a
 * gate page or {@code tglive gates} may call {@link #compute} at any time for the latest plans.
 */
public final class RollbackPreview {

  /** The preview's file name in a run directory. */
  public static final String FILE = "rollback-preview.json";

  private RollbackPreview() {}

  /** The preview of the run in {@code runDirectory}, from its journal and its repository. */
  public static RollbackPlan compute(Path runDirectory) throws IOException, InterruptedException {
    RunRecord run = RunRecord.read(runDirectory);
    return compute(runDirectory, CommitFiles.git(Path.of(run.header().repo())));
  }

  /** The preview of the run in {@code runDirectory}, reading the repository's commits through {@code files}. */
  public static RollbackPlan compute(Path runDirectory, CommitFiles files) throws IOException, InterruptedException {
    RunRecord run = RunRecord.read(runDirectory);
    TreeFacts facts = new TreeFacts(files, run.header().baseCommit(), run.header().headCommit(), run.units(),
        StateReader.NONE);
    return RollbackPlanner.preview(run.header(), facts, RunUnitPolicies::of);
  }

  /** Computes the preview and writes it to {@value #FILE} in the run directory. */
  public static RollbackPlan write(Path runDirectory) throws IOException, InterruptedException {
    RollbackPlan preview = compute(runDirectory);
    PlanJson.write(runDirectory.resolve(FILE), preview);
    return preview;
  }

  /** Computes the preview through {@code files} and writes it to {@value #FILE} in the run directory. */
  public static RollbackPlan write(Path runDirectory, CommitFiles files) throws IOException, InterruptedException {
    RollbackPlan preview = compute(runDirectory, files);
    PlanJson.write(runDirectory.resolve(FILE), preview);
    return preview;
  }

  /** Whether the run directory has a preview written. */
  public static boolean exists(Path runDirectory) {
    return Files.isRegularFile(runDirectory.resolve(FILE));
  }

  /** The preview written in the run directory, if any. */
  public static Optional<RollbackPlan> read(Path runDirectory) throws IOException {
    Path file = runDirectory.resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(PlanJson.read(file)) : Optional.empty();
  }
}
