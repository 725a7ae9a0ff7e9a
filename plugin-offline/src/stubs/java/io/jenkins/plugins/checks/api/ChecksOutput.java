package io.jenkins.plugins.checks.api;

import java.util.Optional;

/** Stub: the output of a check (title, summary, text). */
public class ChecksOutput {

  private ChecksOutput() {}

  /** Stub: builds an output. */
  public static class ChecksOutputBuilder {

    public ChecksOutputBuilder() {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksOutputBuilder withTitle(final String title) {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksOutputBuilder withSummary(final String summary) {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksOutput build() {
      throw new UnsupportedOperationException("stub");
    }
  }

  public Optional<String> getTitle() {
    throw new UnsupportedOperationException("stub");
  }

  public Optional<String> getSummary() {
    throw new UnsupportedOperationException("stub");
  }
}
