package io.tglive.config;

/** How an included configuration merges into the including one ({@code merge_strategy}). */
enum MergeStrategy {
  NO_MERGE("no_merge"),
  SHALLOW("shallow"),
  DEEP("deep");

  private final String hclName;

  MergeStrategy(String hclName) {
    this.hclName = hclName;
  }

  /** The strategy named in HCL, or null when the name is not one. */
  static MergeStrategy named(String name) {
    for (MergeStrategy s : values()) {
      if (s.hclName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
