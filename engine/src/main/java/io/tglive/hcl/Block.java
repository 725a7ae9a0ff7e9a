package io.tglive.hcl;

import java.util.List;

/** A block {@code type "label" ... { body }}; labels may be quoted strings or identifiers. */
public record Block(String type, List<String> labels, Body body, SourceRange range) {

  public Block {
    labels = List.copyOf(labels);
  }
}
