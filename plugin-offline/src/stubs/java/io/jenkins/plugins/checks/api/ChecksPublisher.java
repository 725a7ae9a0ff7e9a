package io.jenkins.plugins.checks.api;

/** Stub: publishes checks to an SCM platform. */
public abstract class ChecksPublisher {

  public abstract void publish(ChecksDetails details);
}
