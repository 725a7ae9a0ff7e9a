package io.tglive.hcl;

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
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Blocks of this type, in source order. */
  public List<Block> blocks(String type) {
    return blocks.stream().filter(b -> b.type().equals(type)).toList();
  }
}
