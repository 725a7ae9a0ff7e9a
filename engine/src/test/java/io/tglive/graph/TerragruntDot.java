package io.tglive.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Expected {@code terragrunt dag graph} outputs, as Terragrunt's own tests assert them. */
public final class TerragruntDot {

  /** The DOT of Terragrunt's {@code graph-dependencies} fixture ({@code TestTerragruntGraphDependenciesCommand}). */
  public static final String GRAPH_DEPENDENCIES = resource("/conformance/graph-dependencies.dot");

  private TerragruntDot() {}

  private static String resource(String name) {
    try (InputStream in = Objects.requireNonNull(TerragruntDot.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
