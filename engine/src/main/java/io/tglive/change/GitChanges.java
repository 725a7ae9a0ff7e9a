package io.tglive.change;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Resolves revisions and lists the files changed between two commits, with JGit and without rename detection. */
public final class GitChanges {

  private GitChanges() {}

  /** The commit a revision (branch, tag, sha, {@code HEAD~1}…) names. */
  public static ObjectId resolve(Repository repository, String revision) throws ChangeException, IOException {
    ObjectId id;
    try {
      id = repository.resolve(revision + "^{commit}");
    } catch (RevisionSyntaxException e) {
      id = null;
    } catch (MissingObjectException e) {
      throw new ChangeException("commit " + revision + " is not in this clone" + shallowHint(repository)
          + "; fetch more history or pass another base");
    }
    if (id == null) {
      throw new ChangeException("unknown revision '" + revision + "'" + shallowHint(repository));
    }
    return id;
  }

  /** Whether the repository is a shallow clone: commits older than its boundary are missing. */
  public static boolean isShallow(Repository repository) throws IOException {
    return !repository.getObjectDatabase().getShallowCommits().isEmpty();
  }

  /** A hint to append to a message about a missing commit: empty unless the clone is shallow. */
  static String shallowHint(Repository repository) throws IOException {
    return isShallow(repository)
        ? " (this is a shallow clone: fetch more history, e.g. git fetch --unshallow)"
        : "";
  }

  /** The commit the diff starts from: the merge base of the two under {@link DiffMode#MERGE_BASE}, else {@code base}. */
  public static ObjectId diffBase(Repository repository, ObjectId base, ObjectId head, DiffMode mode)
      throws ChangeException, IOException {
    if (mode == DiffMode.TREE) {
      return base;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(base));
      walk.markStart(walk.parseCommit(head));
      RevCommit mergeBase = walk.next();
      if (mergeBase == null && isShallow(repository)) {
        throw new ChangeException("no merge base between " + base.name() + " and " + head.name()
            + " in this shallow clone: fetch more history (git fetch --unshallow, or a deeper fetch)");
      }
      if (mergeBase == null) {
        throw new ChangeException(
            "no merge base between " + base.name() + " and " + head.name() + " (use --diff tree)");
      }
      return mergeBase.getId();
    }
  }

  /** The files that differ between the trees of two commits, sorted by path; a rename is a deletion and an addition. */
  public static List<ChangedFile> diff(Repository repository, ObjectId from, ObjectId to) throws IOException {
    List<ChangedFile> files = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository); TreeWalk treeWalk = new TreeWalk(repository)) {
      treeWalk.addTree(walk.parseCommit(from).getTree());
      treeWalk.addTree(walk.parseCommit(to).getTree());
      treeWalk.setRecursive(true);
      treeWalk.setFilter(TreeFilter.ANY_DIFF);
      for (DiffEntry entry : DiffEntry.scan(treeWalk)) {
        switch (entry.getChangeType()) {
          case ADD -> files.add(new ChangedFile(entry.getNewPath(), ChangeKind.ADDED));
          case DELETE -> files.add(new ChangedFile(entry.getOldPath(), ChangeKind.DELETED));
          default -> files.add(new ChangedFile(entry.getNewPath(), ChangeKind.MODIFIED));
        }
      }
    }
    files.sort(Comparator.comparing(ChangedFile::path).thenComparing(ChangedFile::kind));
    return List.copyOf(files);
  }
}
