package io.tglive.policy;

import java.io.Serializable;

/** Where and as whom an account's units are planned and applied; every field may be null (use the defaults). */
public record RunnerSettings(String planRole, String applyRole, String codeBuildProject, String region)
    implements Serializable {

  /** No runner overrides. */
  public static final RunnerSettings NONE = new RunnerSettings(null, null, null, null);
}
