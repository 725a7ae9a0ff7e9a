package io.tglive.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One terragrunt invocation for one unit.
 *
 * @param unit         the unit's repository-relative path ({@code live/prod/vpc})
 * @param kind         what the command does, so a remote runner knows which files travel with it
 * @param argv         the whole command line, the executable first ({@code terragrunt plan -input=false …})
 * @param environment  variables added to the runner's own environment
 * @param revision     the commit whose tree the command runs in (the head, or the base for destroys
 *                     and rollbacks)
 * @param workingDirectory absolute directory of the unit in a checkout of {@code revision}
 * @param planFile     the absolute plan file the command writes ({@link CommandKind#PLAN}) or reads
 *                     ({@link CommandKind#SHOW}, {@link CommandKind#APPLY}), if any
 * @param timeout      how long the command may run before the runner stops it
 */
public record CommandSpec(
        String unit,
        CommandKind kind,
        List<String> argv,
        Map<String, String> environment,
        String revision,
        Path workingDirectory,
        Optional<Path> planFile,
        Duration timeout) {

    public CommandSpec {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command line for " + unit);
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(revision, "revision");
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("working directory must be absolute: " + workingDirectory);
        }
        planFile.ifPresent(p -> {
            if (!p.isAbsolute()) {
                throw new IllegalArgumentException("plan file must be absolute: " + p);
            }
        });
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
