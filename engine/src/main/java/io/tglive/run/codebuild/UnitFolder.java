package io.tglive.run.codebuild;

import java.util.regex.Pattern;

/**
 * The S3 keys of one unit in one run: {@code <prefix>/<run>/<unit>/builds/<build uuid>/…} for what
 * a build hands back (stdout, exit code), and {@code <prefix>/<run>/<unit>/plans/<sha256>.tfplan}
 * for plan files, addressed by their content.
 */
record UnitFolder(String base) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.+=@,-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The folder of {@code unit} in run {@code runId} under {@code prefix}. */
    static UnitFolder of(String prefix, String runId, String unit) {
        checkRunId(runId);
        for (String segment : unit.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("unit path '" + unit
                        + "' cannot name an S3 key: use '/'-separated names of letters, digits and _.+=@,-");
            }
        }
        return new UnitFolder((prefix.isEmpty() ? "" : prefix + "/") + runId + "/" + unit);
    }

    /** Refuses a run id that cannot be one S3 key segment and an STS session name. */
    static void checkRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must be 1-128 letters, digits, '.', '_' or '-'");
        }
    }

    /** Where build {@code buildId} ({@code project:uuid}) leaves {@code name}. */
    String buildFile(String buildId, String name) {
        return base + "/builds/" + buildId.substring(buildId.indexOf(':') + 1) + "/" + name;
    }

    /** Whether {@code text} is a SHA-256 in lowercase hex. */
    static boolean isSha256(String text) {
        return SHA256.matcher(text).matches();
    }

    /** Where the plan file with this SHA-256 lives. */
    String plan(String sha256) {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 in hex: '" + sha256 + "'");
        }
        return base + "/plans/" + sha256 + ".tfplan";
    }
}
