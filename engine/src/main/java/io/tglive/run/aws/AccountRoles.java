package io.tglive.run.aws;

import io.tglive.run.CommandKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account's two IAM roles: the plan role for every read-only command (plan, show, queries) and the
 * apply role for applies only. A plan never runs with the apply role, so the two must differ.
 *
 * @param planRoleArn  assumed for {@link CommandKind#PLAN}, {@link CommandKind#SHOW},
 *                     {@link CommandKind#QUERY} and {@link CommandKind#VERSION}
 * @param applyRoleArn assumed for {@link CommandKind#APPLY}
 * @param externalId   the STS external id the roles' trust policies require, if any
 * @param session      how long one assumed-role session lasts (STS allows 15 minutes to 12 hours)
 */
public record AccountRoles(String planRoleArn, String applyRoleArn, Optional<String> externalId, Duration session) {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Duration MIN_SESSION = Duration.ofMinutes(15);
    private static final Duration MAX_SESSION = Duration.ofHours(12);

    public AccountRoles {
        checkArn("plan role", planRoleArn);
        checkArn("apply role", applyRoleArn);
        if (planRoleArn.equals(applyRoleArn)) {
            throw new IllegalArgumentException("the plan role and the apply role are the same (" + planRoleArn
                    + "): plans must never run with the apply role, give the account a separate plan role");
        }
        Objects.requireNonNull(externalId, "externalId");
        if (session.compareTo(MIN_SESSION) < 0 || session.compareTo(MAX_SESSION) > 0) {
            throw new IllegalArgumentException("role session duration " + session + " is outside 15 minutes to 12 hours");
        }
    }

    /** Roles with no external id and one-hour sessions. */
    public AccountRoles(String planRoleArn, String applyRoleArn) {
        this(planRoleArn, applyRoleArn, Optional.empty(), Duration.ofHours(1));
    }

    /** The role a command of this kind runs with: the apply role for applies, the plan role otherwise. */
    public String roleFor(CommandKind kind) {
        return kind == CommandKind.APPLY ? applyRoleArn : planRoleArn;
    }

    private static void checkArn(String what, String arn) {
        if (arn == null || !ROLE_ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException(what + " '" + arn
                    + "' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)");
        }
    }
}
