package io.tglive.preview.render;

import io.tglive.preview.PreviewSummary;

/** The output formats of a preview. */
public enum PreviewFormat {
  /** One line per unit, for terminals and build logs. */
  TEXT,
  /** A GitHub-flavoured markdown table, for a check run or a pull request comment. */
  MARKDOWN,
  /** One JSON document with a fixed key order. */
  JSON;

  /** Renders the summary. */
  public String render(PreviewSummary summary) {
    return switch (this) {
      case TEXT -> PreviewText.render(summary);
      case MARKDOWN -> PreviewMarkdown.render(summary, PreviewMarkdown.GITHUB_LIMIT);
      case JSON -> PreviewJson.render(summary);
    };
  }
}
