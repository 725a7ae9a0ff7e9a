package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

/**
 * How a {@link PreviewCheck} becomes the Checks API's details (whose stub builders throw: their
 * construction is intercepted, each call recorded, and the built details handed to the run's publisher).
 */
class ChecksApiPublisherTest {

  private final Run<?, ?> run = mock(Run.class);
  private final TaskListener listener = mock(TaskListener.class);
  private final List<ChecksDetails> published = new ArrayList<>();

  @Test
  void aFinishedPreviewIsACompletedCheckWithItsConclusionTitleAndSummary() {
    try (Publishing publishing = new Publishing()) {
      ChecksApiPublisher.publish(run, listener, new PreviewCheck("Terragrunt preview", true, false, "1 plan failed",
          "| table |"));
      ChecksDetails.ChecksDetailsBuilder details = publishing.details.constructed().get(0);
      ChecksOutput.ChecksOutputBuilder output = publishing.outputs.constructed().get(0);
      verify(details).withName("Terragrunt preview");
      verify(details).withStatus(ChecksStatus.COMPLETED);
      verify(details).withConclusion(ChecksConclusion.FAILURE);
      verify(output).withTitle("1 plan failed");
      verify(output).withSummary("| table |");
      assertThat(published).hasSize(1);
    }
  }

  @Test
  void aRunningPreviewIsInProgressWithoutConclusion() {
    try (Publishing publishing = new Publishing()) {
      ChecksApiPublisher.publish(run, listener, PreviewCheck.inProgress("Terragrunt preview", "PR #1"));
      ChecksDetails.ChecksDetailsBuilder details = publishing.details.constructed().get(0);
      verify(details).withStatus(ChecksStatus.IN_PROGRESS);
      verify(details, never()).withConclusion(ArgumentMatchers.any());
      assertThat(published).hasSize(1);
    }
  }

  @Test
  void aSuccessfulPreviewConcludesSuccess() {
    try (Publishing publishing = new Publishing()) {
      ChecksApiPublisher.publish(run, listener, new PreviewCheck("n", true, true, "1 to change", "s"));
      verify(publishing.details.constructed().get(0)).withConclusion(ChecksConclusion.SUCCESS);
    }
  }

  /** Intercepts the builders and the publisher factory for one test. */
  private final class Publishing implements AutoCloseable {

    final MockedConstruction<ChecksDetails.ChecksDetailsBuilder> details =
        mockConstruction(ChecksDetails.ChecksDetailsBuilder.class, Mockito.withSettings().defaultAnswer(RETURNS_SELF),
            (builder, context) -> Mockito.doReturn(mock(ChecksDetails.class)).when(builder).build());
    final MockedConstruction<ChecksOutput.ChecksOutputBuilder> outputs =
        mockConstruction(ChecksOutput.ChecksOutputBuilder.class, Mockito.withSettings().defaultAnswer(RETURNS_SELF),
            (builder, context) -> Mockito.doReturn(mock(ChecksOutput.class)).when(builder).build());
    final MockedStatic<ChecksPublisherFactory> factory = mockStatic(ChecksPublisherFactory.class);

    Publishing() {
      ChecksPublisher publisher = new ChecksPublisher() {
        @Override
        public void publish(ChecksDetails checksDetails) {
          published.add(checksDetails);
        }
      };
      factory.when(() -> ChecksPublisherFactory.fromRun(run, listener)).thenReturn(publisher);
    }

    @Override
    public void close() {
      factory.close();
      outputs.close();
      details.close();
    }
  }
}
