package io.tglive.conformance;

import io.tglive.change.ChangeException;
import io.tglive.change.ChangedFile;
import io.tglive.change.DiffMode;
import io.tglive.change.GitChanges;
import io.tglive.config.ConfigException;
import io.tglive.config.HclFileCache;
import io.tglive.graph.GraphCycleException;
import io.tglive.graph.GraphLoader;
import io.tglive.graph.LoadOptions;
import io.tglive.graph.LoadedGraph;
import io.tglive.repo.DiskTree;
import io.tglive.stack.StackException;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Runs tglive and the real terragrunt on the same repository and lists where they differ: the
 * graph ({@code terragrunt find --dag --json --dependencies --exclude}) and the units a commit range
 * selects ({@code terragrunt find --filter '[BASE...HEAD]'}).
 */
public final class ConformanceCheck {

  private ConformanceCheck() {}

  /** Compares the graph of the working tree at {@code repo} with terragrunt's. */
  public static ConformanceReport graph(Path repo, Terragrunt terragrunt, LoadOptions options)
      throws ConformanceException {
    Path root = directory(repo);
    String version = terragrunt.version();
    LoadedGraph ours;
    try {
      ours = GraphLoader.load(new DiskTree(root), options, new HclFileCache());
    } catch (ConfigException | GraphCycleException e) {
      TerragruntGraph theirs;
      try {
        theirs = terragrunt.findDag(root);
      } catch (ConformanceException rejected) {
        // Both reject the repository: they agree.
        return new ConformanceReport("graph of " + root, version, 0, List.of());
      }
      Difference failed = e instanceof GraphCycleException
          ? Difference.documented(Difference.Kind.TGLIVE_FAILED, ".", firstLine(e.getMessage()), Divergence.CYCLE)
          : Difference.bug(Difference.Kind.TGLIVE_FAILED, ".", firstLine(e.getMessage()));
      return new ConformanceReport("graph of " + root, version, theirs.units().size(), List.of(failed));
    }
    TerragruntGraph theirs = terragrunt.findDag(root);
    return new ConformanceReport(
        "graph of " + root, version, theirs.units().size(), GraphConformance.compare(ours, theirs));
  }

  /**
   * Compares the units selected by the changes from {@code base} to {@code head} (a tree diff, as
   * terragrunt's git filter takes it; no dependents) with terragrunt's git filter.
   */
  public static ConformanceReport change(
      Path repo, String base, String head, Terragrunt terragrunt, LoadOptions options) throws ConformanceException {
    Path root = directory(repo);
    String version = terragrunt.version();
    String subject = "change " + base + "..." + head + " of " + root;
    List<ChangedFile> changed = changedFiles(root, base, head);
    StackResult ours;
    try {
      ours = StackPlanner.plan(root, new StackRequest(base, head, DiffMode.TREE, false, false, Optional.empty(), options));
    } catch (StackException e) {
      TerragruntGraph theirs = terragrunt.findChanged(root, base, head);
      return new ConformanceReport(subject, version, theirs.units().size(), List.of(
          Difference.bug(Difference.Kind.TGLIVE_FAILED, ".", firstLine(e.getMessage()))));
    }
    TerragruntGraph theirs = terragrunt.findChanged(root, base, head);
    return new ConformanceReport(
        subject, version, theirs.units().size(), ChangeConformance.compare(ours, theirs.units(), changed));
  }

  private static Path directory(Path repo) throws ConformanceException {
    if (repo.toString().isEmpty() || !Files.isDirectory(repo)) {
      throw new ConformanceException("--repo " + repo + ": not a directory");
    }
    return repo.toAbsolutePath().normalize();
  }

  private static List<ChangedFile> changedFiles(Path root, String base, String head) throws ConformanceException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
    if (builder.getGitDir() == null) {
      throw new ConformanceException(root + ": not a git repository");
    }
    try (Repository repository = builder.build()) {
      return GitChanges.diff(repository, GitChanges.resolve(repository, base), GitChanges.resolve(repository, head));
    } catch (ChangeException e) {
      throw new ConformanceException(e.getMessage());
    } catch (IOException e) {
      throw new ConformanceException(root + ": cannot read the repository: " + e.getMessage());
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
