package io.tglive.preview.render;

import io.tglive.preview.PreviewSummary;
import io.tglive.queue.QueuePosition;
import io.tglive.report.ControlCharacters;

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

  /**
   * Renders the summary with where the pull request waits in its deploy queue (a merged pull request
   * waiting to deploy): a line before the text and the markdown, a {@code queue} key in the JSON.
   */
  public String render(PreviewSummary summary, QueuePosition queue) {
    if (queue == null) {
      return render(summary);
    }
    return switch (this) {
      case TEXT -> "queue " + ControlCharacters.escape(queue.queue()) + ": " + queue.text() + "\n"
          + PreviewText.render(summary);
      case MARKDOWN -> {
        String line = markdownLine(queue);
        yield line + PreviewMarkdown.render(summary, PreviewMarkdown.GITHUB_LIMIT - line.length());
      }
      case JSON -> PreviewJson.render(summary, queue);
    };
  }

  /** The queue line of the markdown ({@code **Deploy queue** acme/live: ...}), escaped as the table is, then a blank line. */
  public static String markdownLine(QueuePosition queue) {
    return "**Deploy queue** " + PreviewMarkdown.inline(queue.queue()) + ": " + PreviewMarkdown.inline(queue.text())
        + "\n\n";
  }
}
