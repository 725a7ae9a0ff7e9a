package io.tglive.run.codebuild;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The buildspec override that runs one {@link CommandSpec} in a build, and the bash script inside it.
 *
 * <p>The contract with the build (docs/codebuild.md): the source is the live repository at the spec's
 * revision; the environment holds {@code TGLIVE_RUN}, {@code TGLIVE_UNIT}, {@code TGLIVE_COMMAND}, {@code TGLIVE_REVISION},
 * {@code TGLIVE_EXCHANGE} (the unit's {@code s3://} folder) and, for show and apply,
 * {@code TGLIVE_PLAN_SHA256}. The script downloads and checks the plan file (show, apply), runs the
 * command in the unit's directory, uploads its stdout, the plan file (plan) and last its exit code to
 * {@code $TGLIVE_EXCHANGE/builds/<build uuid>/}, and exits with the command's exit code. When the
 * command cannot run (plan file missing or altered, unit directory absent) it records why in
 * {@code not-run} instead.
 */
final class Buildspec {

    private Buildspec() {
    }

    /** The YAML of the buildspec override: the script travels base64-encoded, so no quoting can break it. */
    static String yaml(CommandSpec spec) {
        String encoded = Base64.getEncoder().encodeToString(script(spec).getBytes(StandardCharsets.UTF_8));
        return "version: 0.2\n"
                + "env:\n"
                + "  shell: bash\n"
                + "phases:\n"
                + "  build:\n"
                + "    commands:\n"
                + "      - echo " + encoded + " | base64 -d > /tmp/tglive-command.sh\n"
                + "      - bash /tmp/tglive-command.sh\n";
    }

    /** The bash script that runs {@code spec} in a build. */
    static String script(CommandSpec spec) {
        StringBuilder s = new StringBuilder();
        s.append("# tglive: ").append(spec.kind().name().toLowerCase(Locale.ROOT))
                .append(" of one unit on CodeBuild (docs/codebuild.md)\n");
        s.append("set -uo pipefail\n");
        s.append("work=\"$(mktemp -d)\"\n");
        s.append("trap 'rm -rf \"$work\"' EXIT\n");
        s.append("build=\"$TGLIVE_EXCHANGE/builds/${CODEBUILD_BUILD_ID##*:}\"\n");
        s.append("plan=\"$work/plan.tfplan\"\n");
        s.append("record() { printf '%s' \"$2\" | aws s3 cp --only-show-errors - \"$build/$1\"; }\n");
        s.append("not_run() { echo \"tglive: $1\" >&2; record not-run \"$1\" || true; exit 3; }\n");
        s.append("lost() { echo \"tglive: cannot upload $1\" >&2; exit 4; }\n");
        if (readsPlan(spec.kind())) {
            s.append("plan_url=\"$TGLIVE_EXCHANGE/plans/$TGLIVE_PLAN_SHA256.tfplan\"\n");
            s.append("aws s3 cp --only-show-errors \"$plan_url\" \"$plan\""
                    + " || not_run \"cannot download the plan file $plan_url\"\n");
            s.append("actual=\"$(sha256sum \"$plan\" | cut -d' ' -f1)\"\n");
            s.append("[ \"$actual\" = \"$TGLIVE_PLAN_SHA256\" ] || not_run \"the plan file $plan_url has SHA-256"
                    + " $actual, not the approved $TGLIVE_PLAN_SHA256; refused\"\n");
        }
        s.append("cd \"$CODEBUILD_SRC_DIR/$TGLIVE_UNIT\""
                + " || not_run \"unit directory $TGLIVE_UNIT does not exist at revision $TGLIVE_REVISION\"\n");
        String command = argv(spec) + " </dev/null";
        // Queries and show print JSON (state pull even secrets): stdout goes to S3 only, never to the log.
        boolean quiet = spec.kind() == CommandKind.SHOW || spec.kind() == CommandKind.QUERY;
        s.append(command).append(quiet ? " >\"$work/stdout\"\n" : " | tee \"$work/stdout\"\n");
        s.append("code=$?\n");
        s.append("aws s3 cp --only-show-errors \"$work/stdout\" \"$build/stdout\" || lost stdout\n");
        if (spec.kind() == CommandKind.PLAN && spec.planFile().isPresent()) {
            s.append("if { [ \"$code\" = 0 ] || [ \"$code\" = 2 ]; } && [ -f \"$plan\" ]; then\n");
            s.append("  sum=\"$(sha256sum \"$plan\" | cut -d' ' -f1)\"\n");
            s.append("  aws s3 cp --only-show-errors \"$plan\" \"$TGLIVE_EXCHANGE/plans/$sum.tfplan\""
                    + " || lost \"the plan file\"\n");
            s.append("  record plan.sha256 \"$sum\" || lost \"the plan file's SHA-256\"\n");
            s.append("fi\n");
        }
        s.append("record exit-code \"$code\" || lost \"the exit code\"\n");
        s.append("exit \"$code\"\n");
        return s.toString();
    }

    /** Whether a command of this kind reads the plan file. */
    static boolean readsPlan(CommandKind kind) {
        return kind == CommandKind.SHOW || kind == CommandKind.APPLY;
    }

    /**
     * The spec's command line, shell-quoted, where every mention of the spec's own (local) plan file
     * becomes {@code "$plan"}, the build's copy.
     */
    static String argv(CommandSpec spec) {
        String local = spec.planFile().map(Object::toString).orElse(null);
        return spec.argv().stream().map(arg -> local == null ? quote(arg) : quoteAround(arg, local))
                .collect(Collectors.joining(" "));
    }

    private static String quoteAround(String arg, String local) {
        String[] parts = arg.split(Pattern.quote(local), -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append("\"$plan\"");
            }
            if (!parts[i].isEmpty() || parts.length == 1) {
                out.append(quote(parts[i]));
            }
        }
        return out.toString();
    }

    /** {@code text} in single quotes for bash. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
