package io.tglive.run.deploy;

import io.tglive.run.terragrunt.PlanReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link WorkFiles} on this machine's file system. */
public final class LocalWorkFiles implements WorkFiles {

  @Override
  public boolean isDirectory(Path directory) {
    return Files.isDirectory(directory);
  }

  @Override
  public void clear(Path planFile) throws IOException {
    Files.createDirectories(planFile.toAbsolutePath().getParent());
    Files.deleteIfExists(planFile);
  }

  @Override
  public String digest(Path planFile) throws IOException {
    return Files.isRegularFile(planFile) ? PlanReader.sha256(Files.readAllBytes(planFile)) : null;
  }
}
