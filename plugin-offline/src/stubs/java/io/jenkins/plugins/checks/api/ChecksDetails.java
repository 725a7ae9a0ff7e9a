package io.jenkins.plugins.checks.api;

import java.util.Optional;

/** Stub: a check to publish. */
public class ChecksDetails {

  private ChecksDetails() {}

  /** Stub: builds the details of a check. */
  public static class ChecksDetailsBuilder {

    public ChecksDetailsBuilder() {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksDetailsBuilder withName(final String name) {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksDetailsBuilder withStatus(final ChecksStatus status) {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksDetailsBuilder withConclusion(final ChecksConclusion conclusion) {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksDetailsBuilder withOutput(final ChecksOutput output) {
      throw new UnsupportedOperationException("stub");
    }

    public ChecksDetails build() {
      throw new UnsupportedOperationException("stub");
    }
  }

  public Optional<String> getName() {
    throw new UnsupportedOperationException("stub");
  }

  public ChecksStatus getStatus() {
    throw new UnsupportedOperationException("stub");
  }

  public ChecksConclusion getConclusion() {
    throw new UnsupportedOperationException("stub");
  }

  public Optional<ChecksOutput> getOutput() {
    throw new UnsupportedOperationException("stub");
  }
}
