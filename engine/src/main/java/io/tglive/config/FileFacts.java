package io.tglive.config;

import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.HclFile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What evaluating a parsed configuration file takes from its syntax alone, the same for every unit
 * that evaluates it: the file passed {@link TerragruntSchema}, its locals by name, and the
 * attributes the reads pass evaluates ({@link ReadsPass#attributes}). A shared file (an include, a
 * read target) has its facts computed once per snapshot ({@link SnapshotView#facts}), not once per
 * unit.
 *
 * @param locals the attributes of its {@code locals} blocks by name, in source order
 * @param readsAttributes what {@link ReadsPass} evaluates, in the order it evaluates them
 */
record FileFacts(Map<String, Attribute> locals, List<Attribute> readsAttributes) {

  /**
   * Checks the file and gathers its facts; a schema violation or a local defined twice is an
   * {@link EvaluationError}.
   */
  static FileFacts of(Path path, HclFile file) {
    TerragruntSchema.check(path, file.body());
    Map<String, Attribute> locals = new LinkedHashMap<>();
    for (Block block : file.body().blocks("locals")) {
      for (Attribute local : block.body().attributes()) {
        if (locals.putIfAbsent(local.name(), local) != null) {
          throw new EvaluationError(local.range(), "the local \"" + local.name() + "\" is defined twice");
        }
      }
    }
    return new FileFacts(Collections.unmodifiableMap(locals), ReadsPass.attributes(file.body()));
  }
}
