package io.tglive.run;

/**
 * Where terragrunt runs for one unit: a local process, a Jenkins agent, or an AWS CodeBuild build.
 *
 * <p>A runner carries out one {@link CommandSpec} to completion and reports the command's own exit
 * code; a non-zero exit is a result, not an exception. {@link RunnerException} is for the runner
 * itself failing (the process could not start, the build faulted, the command timed out). An
 * interrupt cancels the command: the runner stops it (the whole process tree, or the build) before
 * it throws {@link InterruptedException}.
 */
public interface UnitRunner {

    /** Runs {@code command}, streaming its output lines to {@code log}, and returns how it ended. */
    CommandResult run(CommandSpec command, CommandLog log) throws RunnerException, InterruptedException;
}
