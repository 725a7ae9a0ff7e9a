package io.jenkins.plugins.checks.api;

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
}
