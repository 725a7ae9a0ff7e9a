package io.tglive.approval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A voter's choice on a plan. */
public enum Decision {
  /** The plan may be applied. */
  APPROVE,
  /** The plan must not be applied. */
  REJECT;

  /** {@code approve} or {@code reject}, as written in the ledger and the audit log. */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The decision written {@code approve} or {@code reject} (any case). */
  @JsonCreator
  public static Decision of(String word) {
    return valueOf(word.strip().toUpperCase(Locale.ROOT));
  }
}
