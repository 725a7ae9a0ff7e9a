package io.tglive.run.codebuild;

import io.tglive.run.CommandLog;
import io.tglive.run.aws.Secrets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codebuild.model.Build;

/**
 * Follows one build's CloudWatch Logs stream with {@code GetLogEvents} forward tokens and hands every
 * new line, cleaned of secrets, to the unit's {@link CommandLog}. The stream is the one the build
 * reports, or CodeBuild's default ({@code /aws/codebuild/<project>}, the build's uuid) until it does.
 */
final class LogTail {

    /** At most this many pages are read per poll, so a chatty build cannot starve status polls. */
    private static final int MAX_PAGES = 50;

    private final CloudWatchLogsClient logs;
    private final CommandLog sink;
    private final Secrets secrets;
    private String token;
    private boolean broken;

    LogTail(CloudWatchLogsClient logs, CommandLog sink, Secrets secrets) {
        this.logs = logs;
        this.sink = sink;
        this.secrets = secrets;
    }

    /** Reads what the build logged since the last call; returns how many lines it passed on. */
    int poll(Build build) {
        if (broken) {
            return 0;
        }
        String group = build.logs() != null && build.logs().groupName() != null ? build.logs().groupName()
                : "/aws/codebuild/" + build.projectName();
        String stream = build.logs() != null && build.logs().streamName() != null ? build.logs().streamName()
                : build.id().substring(build.id().indexOf(':') + 1);
        int lines = 0;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                String from = token;
                GetLogEventsResponse response = logs.getLogEvents(r -> r.logGroupName(group)
                        .logStreamName(stream).startFromHead(true).nextToken(from));
                for (OutputLogEvent event : response.events()) {
                    lines += emit(event.message());
                }
                token = response.nextForwardToken();
                if (response.events().isEmpty() || token == null || token.equals(from)) {
                    break;
                }
            }
        } catch (ResourceNotFoundException e) {
            // The build has not created its log stream yet.
        } catch (SdkException e) {
            if (!AwsFailures.isTransient(e)) {
                broken = true;
                sink.line("[tglive] cannot read the build's log " + group + "/" + stream + ": "
                        + AwsFailures.describe(e, secrets) + "; the build goes on without its log here");
            }
        }
        return lines;
    }

    private int emit(String message) {
        if (message == null) {
            return 0;
        }
        String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        int count = 0;
        for (String line : text.split("\r?\n", -1)) {
            sink.line(secrets.redact(line));
            count++;
        }
        return count;
    }
}
