package io.jenkins.plugins.checks.api;

/** Stub of the Checks API's check conclusion (real constants). */
public enum ChecksConclusion {
  NONE, ACTION_REQUIRED, SKIPPED, CANCELED, TIME_OUT, FAILURE, NEUTRAL, SUCCESS
}
