package io.tglive.config;

import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.Body;

/**
 * Evaluates every attribute of a file outside {@code locals} and {@code include} blocks ({@code
 * inputs}, {@code generate}, {@code remote_state}, {@code terraform} hooks and {@code
 * extra_arguments}, ...) so that every file they read is recorded, although Terragrunt's graph
 * parse skips them. A failure there does not concern the graph: it is a diagnostic, and what was
 * read up to it stays recorded.
 */
final class ReadsPass {

  private ReadsPass() {}

  static void run(FileEvaluation file) {
    run(file, file.body(), null);
  }

  private static void run(FileEvaluation file, Body body, String blockType) {
    for (Attribute attribute : body.attributes()) {
      if (evaluatedForTheGraph(blockType, attribute.name())) {
        continue;
      }
      try {
        file.evaluate(attribute.value());
      } catch (EvaluationError e) {
        if (!e.recoverable()) {
          throw e;
        }
        EvaluationError positioned = e.at(attribute.value().range());
        file.diagnostic(
            positioned.range() != null ? positioned.range() : attribute.range(),
            attribute.name() + " cannot be evaluated, so files it reads may be missing from its reads: "
                + positioned.detail());
      }
    }
    for (Block block : body.blocks()) {
      boolean evaluatedAlready =
          blockType == null && (block.type().equals("locals") || block.type().equals("include"));
      if (!evaluatedAlready) {
        run(file, block.body(), blockType == null ? block.type() : blockType + "." + block.type());
      }
    }
  }

  /** Attributes the graph evaluates (and whose problems it reports) before this pass. */
  private static boolean evaluatedForTheGraph(String blockType, String attribute) {
    if (blockType == null) {
      return false;
    }
    return switch (blockType) {
      case "dependency" -> attribute.equals("config_path") || attribute.equals("enabled");
      case "dependencies", "exclude" -> true;
      case "terraform" -> attribute.equals("source");
      default -> false;
    };
  }
}
