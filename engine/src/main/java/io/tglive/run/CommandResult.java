package io.tglive.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How a command ended.
 *
 * @param exitCode the command's own exit code ({@code plan -detailed-exitcode}: 0 none, 1 error, 2 changes)
 * @param stdout   what the command printed on standard output (the JSON of {@code show -json});
 *                 standard error only goes to the {@link CommandLog}
 * @param elapsed  wall time of the command itself
 */
public record CommandResult(int exitCode, String stdout, Duration elapsed) {

    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
