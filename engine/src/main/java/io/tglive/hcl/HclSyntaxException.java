package io.tglive.hcl;

/** A syntax error; the message reads {@code file:line:column: message}. */
public final class HclSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String detail;

  public HclSyntaxException(String file, int line, int column, String detail) {
    super(file + ":" + line + ":" + column + ": " + detail, null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the position prefix. */
  public String detail() {
    return detail;
  }
}
