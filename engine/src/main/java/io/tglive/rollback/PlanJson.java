package io.tglive.rollback;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Rollback plans as JSON files, replaced atomically. */
final class PlanJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PlanJson() {}

  static void write(Path file, RollbackPlan plan) throws IOException {
    AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(plan));
  }

  static RollbackPlan read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), RollbackPlan.class);
  }
}
