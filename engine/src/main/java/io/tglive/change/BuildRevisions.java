package io.tglive.change;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The revisions a CI build compares when its pipeline does not name them, as candidates tried in
 * order. Base: the explicit one; else, for a pull request ({@code CHANGE_ID} and
 * {@code CHANGE_TARGET}, as branch-api exports them), its target branch as fetched from
 * {@code origin}, then as a local branch; else the head of the branch's previous successful build,
 * which must then exist (a clone that lacks it, being shallow or after a force-push, is an error:
 * falling back would skip the commits in between); else, for the first build, the head's first
 * parent. Head: the explicit one, else {@code HEAD}.
 *
 * @param base the candidates for the base, tried in order
 * @param head the head revision
 */
public record BuildRevisions(List<Candidate> base, Candidate head) implements Serializable {

  private static final long serialVersionUID = 1L;

  public BuildRevisions {
    base = List.copyOf(base);
  }

  /**
   * A revision and where it comes from.
   *
   * @param revision what git resolves: a ref, a sha, {@code HEAD^}…
   * @param source why it is a candidate, for build logs
   */
  public record Candidate(String revision, String source) implements Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return revision + " (" + source + ")";
    }
  }

  /**
   * The revisions that exist in the repository.
   *
   * @param base the first base candidate that resolved
   * @param head the head
   */
  public record Chosen(Candidate base, Candidate head) {

    /** One line for build logs. */
    public String describe() {
      return "base " + base + ", head " + head;
    }
  }

  /**
   * The candidates for a build.
   *
   * @param base the base the pipeline named, or null
   * @param head the head the pipeline named, or null
   * @param environment the build's environment variables
   * @param previousHead the head commit the previous successful build deployed, or null
   */
  public static BuildRevisions of(String base, String head, Map<String, String> environment, String previousHead) {
    Candidate chosenHead = blank(head)
        ? new Candidate("HEAD", "the checked-out commit")
        : new Candidate(head.strip(), "given");
    if (!blank(base)) {
      return new BuildRevisions(List.of(new Candidate(base.strip(), "given")), chosenHead);
    }
    String changeId = environment.get("CHANGE_ID");
    String target = environment.get("CHANGE_TARGET");
    List<Candidate> candidates = new ArrayList<>();
    if (!blank(changeId) && !blank(target)) {
      String source = "target branch of change " + changeId.strip() + ", CHANGE_TARGET";
      candidates.add(new Candidate("origin/" + target.strip(), source));
      candidates.add(new Candidate(target.strip(), source));
    } else if (!blank(previousHead)) {
      candidates.add(new Candidate(previousHead.strip(), "head of the previous successful build"));
    } else {
      candidates.add(new Candidate(chosenHead.revision() + "^", "first parent of the head"));
    }
    return new BuildRevisions(candidates, chosenHead);
  }

  /** The first base candidate and the head that exist in the git repository at (or above) {@code repo}. */
  public Chosen resolve(Path repo) throws ChangeException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(repo.toFile());
    if (builder.getGitDir() == null) {
      throw new ChangeException(repo + ": not a git repository");
    }
    try (Repository repository = builder.build()) {
      if (!exists(repository, head)) {
        throw new ChangeException("unknown head revision " + head + GitChanges.shallowHint(repository));
      }
      for (Candidate candidate : base) {
        if (exists(repository, candidate)) {
          return new Chosen(candidate, head);
        }
      }
      throw new ChangeException("no base revision found in this clone; tried "
          + base.stream().map(Candidate::toString).collect(Collectors.joining(", "))
          + "; fetch more history (a shallow clone lacks older commits and other branches, a force-push"
          + " drops the previous head: git fetch --unshallow) or pass base");
    } catch (RepositoryNotFoundException e) {
      throw new ChangeException(repo + ": not a git repository");
    } catch (IOException e) {
      throw new ChangeException(repo + ": cannot read the repository: " + e.getMessage());
    }
  }

  private static boolean exists(Repository repository, Candidate candidate) throws IOException {
    try {
      GitChanges.resolve(repository, candidate.revision());
      return true;
    } catch (ChangeException | MissingObjectException e) {
      return false;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
