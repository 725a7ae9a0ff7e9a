package io.tglive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of the {@code --repo} argument shared by the commands. */
final class RepoArgument {

  private RepoArgument() {}

  /** A bad argument unless {@code repo} names an existing directory; an empty name names none. */
  static void check(CommandSpec spec, Path repo) {
    if (repo.toString().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--repo: the directory name is empty");
    }
    if (!Files.exists(repo)) {
      throw new ParameterException(spec.commandLine(), "--repo " + repo + ": no such directory");
    }
    if (!Files.isDirectory(repo)) {
      throw new ParameterException(spec.commandLine(), "--repo " + repo + ": not a directory");
    }
  }
}
