/**
 * A run driven one step at a time by a caller that schedules units itself (the Jenkins steps
 * {@code tgPlanPath} and {@code tgApplyPath}): the dependency state of a unit and a callback when it
 * is decided, the plan phase and the apply phase of one unit, each refusing what the run's rules
 * forbid. Same journal, same phases ({@link io.tglive.run.deploy.UnitPhases}) and same resume rules
 * as {@code tglive run}.
 */
package io.tglive.run.stepwise;
