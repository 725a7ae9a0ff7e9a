package io.tglive.approval.notify;

import io.tglive.report.ControlCharacters;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Hides secrets (an SMTP password, a webhook URL and its path) in text bound for a log: every
 * occurrence becomes {@value #MASK}, and control characters are escaped so one message stays one line.
 *
 * @param secrets the strings never to print, longest first
 */
public record Redaction(List<String> secrets) {

  /** What a secret is replaced with. */
  public static final String MASK = "****";

  public Redaction {
    secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isEmpty()).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** Hides nothing but still keeps text on one line. */
  public static final Redaction NONE = new Redaction(List.of());

  /** Says how many secrets it hides, never what they are. */
  @Override
  public String toString() {
    return "Redaction[" + secrets.size() + " secret(s)]";
  }

  /** The text with every secret masked and control characters escaped. */
  public String apply(String text) {
    String result = text == null ? "" : text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return ControlCharacters.escape(result);
  }
}
