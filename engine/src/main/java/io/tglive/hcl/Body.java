package io.tglive.hcl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A body: attributes and blocks in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, SourceRange range) {

  public Body {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  /** The attribute with this name, if present. */
  public Optional<Attribute> attribute(String name) {
    for (Attribute attribute : attributes) {
      if (attribute.name().equals(name)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** Blocks of this type, in source order. */
  public List<Block> blocks(String type) {
    List<Block> matching = null;
    for (Block block : blocks) {
      if (block.type().equals(type)) {
        if (matching == null) {
          matching = new ArrayList<>();
        }
        matching.add(block);
      }
    }
    return matching == null ? List.of() : Collections.unmodifiableList(matching);
  }
}
