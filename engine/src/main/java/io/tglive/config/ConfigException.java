package io.tglive.config;

/** A configuration cannot be evaluated; the message reads {@code file:line:column: message}. */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
