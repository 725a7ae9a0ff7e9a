package io.jenkins.plugins.checks.api;

/** Stub of the Checks API's check status (real constants). */
public enum ChecksStatus {
  NONE, QUEUED, IN_PROGRESS, COMPLETED
}
