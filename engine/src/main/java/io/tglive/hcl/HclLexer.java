package io.tglive.hcl;

/**
 * Scans HCL native syntax over a char array. In expression mode {@link #next()} reads one token into
 * the public fields; the parser switches to template mode by calling the literal-scanning methods,
 * which continue from {@link #pos}.
 */
final class HclLexer {

  /** What ended a scan of template literal text. */
  enum LiteralStop {
    CLOSE_QUOTE,
    INTERPOLATION,
    DIRECTIVE,
    LINE_END,
    UNTERMINATED
  }

  private final SourceText src;
  private final char[] chars;
  /** Where scanning stops: the end of the text, or the end of a bare template (see {@link #bare}). */
  int length;

  /**
   * Template-file mode, used for HCL JSON strings: literal text runs to {@link #length}, and quotes,
   * backslashes and newlines in it are ordinary characters.
   */
  boolean bare;

  /** The offset where scanning continues. */
  int pos;

  TokenKind kind;
  int start;
  int end;
  boolean heredocIndented;
  int markerStart;
  int markerEnd;

  HclLexer(SourceText src) {
    this.src = src;
    this.chars = src.chars;
    this.length = chars.length;
    this.pos = length > 0 && chars[0] == '\uFEFF' ? 1 : 0;
  }

  /** Reads the next expression-mode token. */
  void next() {
    skipSpaceAndInlineComments();
    start = pos;
    if (pos >= length) {
      kind = TokenKind.EOF;
      end = pos;
      return;
    }
    char c = chars[pos];
    if (isAsciiIdentStart(c) || c >= 0x80 && isUnicodeIdentStart()) {
      scanIdentifier();
      return;
    }
    if (c >= '0' && c <= '9') {
      scanNumber();
      return;
    }
    switch (c) {
      case '\n' -> single(TokenKind.NEWLINE);
      case '\r' -> {
        pos += 2; // skipSpaceAndInlineComments leaves a '\r' here only when '\n' follows
        emit(TokenKind.NEWLINE);
      }
      case '#' -> lineComment();
      case '/' -> {
        if (peekChar(1) == '/') {
          lineComment();
        } else {
          single(TokenKind.SLASH);
        }
      }
      case '"' -> single(TokenKind.OPEN_QUOTE);
      case '{' -> single(TokenKind.LBRACE);
      case '}' -> single(TokenKind.RBRACE);
      case '[' -> single(TokenKind.LBRACK);
      case ']' -> single(TokenKind.RBRACK);
      case '(' -> single(TokenKind.LPAREN);
      case ')' -> single(TokenKind.RPAREN);
      case ',' -> single(TokenKind.COMMA);
      case '?' -> single(TokenKind.QUESTION);
      case '+' -> single(TokenKind.PLUS);
      case '-' -> single(TokenKind.MINUS);
      case '*' -> single(TokenKind.STAR);
      case '%' -> single(TokenKind.PERCENT);
      case '.' -> {
        if (peekChar(1) == '.' && peekChar(2) == '.') {
          pos += 3;
          emit(TokenKind.ELLIPSIS);
        } else {
          single(TokenKind.DOT);
        }
      }
      case ':' -> pair(':', TokenKind.DOUBLE_COLON, TokenKind.COLON);
      case '=' -> {
        if (peekChar(1) == '>') {
          pos += 2;
          emit(TokenKind.FAT_ARROW);
        } else {
          pair('=', TokenKind.EQUAL_EQUAL, TokenKind.EQUAL);
        }
      }
      case '!' -> pair('=', TokenKind.NOT_EQUAL, TokenKind.BANG);
      case '>' -> pair('=', TokenKind.GREATER_EQUAL, TokenKind.GREATER);
      case '<' -> {
        if (peekChar(1) == '<') {
          scanHeredocIntroduction();
        } else {
          pair('=', TokenKind.LESS_EQUAL, TokenKind.LESS);
        }
      }
      case '&' -> required('&', TokenKind.AND);
      case '|' -> required('|', TokenKind.OR);
      case '~' -> required('}', TokenKind.STRIP_RBRACE);
      default -> throw invalidCharacter(pos);
    }
  }

  /** The text of the current token. */
  String text() {
    return src.text(start, end);
  }

  /** Whether the current token is the identifier {@code word}, without allocating. */
  boolean isWord(String word) {
    if (kind != TokenKind.IDENT || end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (chars[start + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A human description of the current token for error messages. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case NEWLINE -> "newline";
      case OPEN_QUOTE -> "string";
      case HEREDOC -> "heredoc";
      default -> {
        String text = text();
        yield "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
      }
    };
  }

  /** Consumes {@code ${} or {@code %{} at {@link #pos} and an optional {@code ~}; returns whether it was present. */
  boolean openSequence() {
    pos += 2;
    if (pos < length && chars[pos] == '~') {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * Scans quoted-template literal text from {@link #pos}, appending the decoded text to {@code out}.
   * Stops at (before) the closing quote, an interpolation or directive opener, a newline or the end.
   */
  LiteralStop scanQuotedLiteral(StringBuilder out) {
    while (pos < length) {
      char c = chars[pos];
      if (bare && (c == '"' || c == '\\' || c == '\n' || c == '\r')) {
        out.append(c);
        pos++;
        continue;
      }
      switch (c) {
        case '"':
          return LiteralStop.CLOSE_QUOTE;
        case '\n':
        case '\r':
          return LiteralStop.UNTERMINATED;
        case '\\':
          decodeEscape(out);
          break;
        case '$':
        case '%':
          LiteralStop stop = templateMarker(c, out);
          if (stop != null) {
            return stop;
          }
          break;
        default:
          out.append(c);
          pos++;
      }
    }
    return bare ? LiteralStop.CLOSE_QUOTE : LiteralStop.UNTERMINATED;
  }

  /**
   * Scans heredoc literal text from {@link #pos} up to and including the end of the current line
   * (a CRLF is read as a single newline), or up to an interpolation or directive opener.
   */
  LiteralStop scanHeredocLiteral(StringBuilder out) {
    while (pos < length) {
      char c = chars[pos];
      if (c == '\n') {
        out.append('\n');
        pos++;
        return LiteralStop.LINE_END;
      }
      if (c == '\r' && peekChar(1) == '\n') {
        out.append('\n');
        pos += 2;
        return LiteralStop.LINE_END;
      }
      if (c == '$' || c == '%') {
        LiteralStop stop = templateMarker(c, out);
        if (stop != null) {
          return stop;
        }
      } else {
        out.append(c);
        pos++;
      }
    }
    return LiteralStop.UNTERMINATED;
  }

  /**
   * At the start of a heredoc line: if the line is the closing marker (optionally indented) followed by
   * a newline or the end of input, moves {@link #pos} past the marker and returns true.
   */
  boolean atHeredocEnd(int markerFrom, int markerTo) {
    int p = pos;
    while (p < length && (chars[p] == ' ' || chars[p] == '\t')) {
      p++;
    }
    int markerLength = markerTo - markerFrom;
    if (p + markerLength > length) {
      return false;
    }
    for (int i = 0; i < markerLength; i++) {
      if (chars[p + i] != chars[markerFrom + i]) {
        return false;
      }
    }
    int after = p + markerLength;
    if (after == length || chars[after] == '\n' || chars[after] == '\r' && after + 1 < length && chars[after + 1] == '\n') {
      pos = after;
      return true;
    }
    return false;
  }

  private LiteralStop templateMarker(char c, StringBuilder out) {
    char next = peekChar(1);
    if (next == '{') {
      return c == '$' ? LiteralStop.INTERPOLATION : LiteralStop.DIRECTIVE;
    }
    if (next == c && peekChar(2) == '{') {
      out.append(c).append('{');
      pos += 3;
      return null;
    }
    out.append(c);
    pos++;
    return null;
  }

  private void decodeEscape(StringBuilder out) {
    int escapeStart = pos;
    char e = peekChar(1);
    switch (e) {
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case 'u', 'U' -> {
        decodeUnicodeEscape(escapeStart, e == 'u' ? 4 : 8, out);
        return;
      }
      default -> {
        String shown = pos + 1 >= length || e == '\n' || e == '\r' ? "" : String.valueOf(e);
        throw src.error(escapeStart, "invalid escape sequence \\" + shown);
      }
    }
    pos += 2;
  }

  private void decodeUnicodeEscape(int escapeStart, int digits, StringBuilder out) {
    int value = 0;
    int p = escapeStart + 2;
    for (int i = 0; i < digits; i++, p++) {
      int digit = p < length ? Character.digit(chars[p], 16) : -1;
      if (digit < 0) {
        throw src.error(escapeStart, "invalid escape sequence " + src.text(escapeStart, Math.min(p + 1, length)).strip());
      }
      value = value * 16 + digit;
    }
    if (!Character.isValidCodePoint(value) || value >= 0xD800 && value <= 0xDFFF) {
      throw src.error(escapeStart, "invalid escape sequence " + src.text(escapeStart, p) + " (not a Unicode character)");
    }
    out.appendCodePoint(value);
    pos = p;
  }

  private void skipSpaceAndInlineComments() {
    while (pos < length) {
      char c = chars[pos];
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\r' && peekChar(1) != '\n') {
        pos++;
      } else if (c == '/' && peekChar(1) == '*') {
        int commentStart = pos;
        pos += 2;
        while (true) {
          if (pos + 1 >= length) {
            throw src.error(commentStart, "unterminated block comment");
          }
          if (chars[pos] == '*' && chars[pos + 1] == '/') {
            pos += 2;
            break;
          }
          pos++;
        }
      } else {
        return;
      }
    }
  }

  /** A line comment stands for the newline that ends it. */
  private void lineComment() {
    while (pos < length && chars[pos] != '\n') {
      pos++;
    }
    if (pos < length) {
      pos++;
    }
    emit(TokenKind.NEWLINE);
  }

  private void scanIdentifier() {
    while (pos < length) {
      char c = chars[pos];
      if (isAsciiIdentStart(c) || c >= '0' && c <= '9' || c == '-') {
        pos++;
      } else if (c >= 0x80) {
        int cp = Character.codePointAt(chars, pos, length);
        if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
          break;
        }
        pos += Character.charCount(cp);
      } else {
        break;
      }
    }
    emit(TokenKind.IDENT);
  }

  private void scanNumber() {
    skipDigits();
    if (peekChar(0) == '.' && isDigit(peekChar(1))) {
      pos++;
      skipDigits();
    }
    char e = peekChar(0);
    if (e == 'e' || e == 'E') {
      int sign = peekChar(1) == '+' || peekChar(1) == '-' ? 1 : 0;
      if (isDigit(peekChar(1 + sign))) {
        pos += 1 + sign;
        skipDigits();
      }
    }
    emit(TokenKind.NUMBER);
  }

  private void scanHeredocIntroduction() {
    int p = pos + 2;
    boolean indented = p < length && chars[p] == '-';
    if (indented) {
      p++;
    }
    int nameStart = p;
    if (p < length && isAsciiIdentStart(chars[p])) {
      while (p < length && (isAsciiIdentStart(chars[p]) || isDigit(chars[p]) || chars[p] == '-')) {
        p++;
      }
    }
    int nameEnd = p;
    if (p < length && chars[p] == '\r') {
      p++;
    }
    if (nameEnd == nameStart || p >= length || chars[p] != '\n') {
      throw src.error(pos, "invalid heredoc introduction; expected an identifier and a newline after \""
          + (indented ? "<<-" : "<<") + "\"");
    }
    heredocIndented = indented;
    markerStart = nameStart;
    markerEnd = nameEnd;
    pos = p + 1;
    kind = TokenKind.HEREDOC;
    end = nameEnd;
  }

  private boolean isUnicodeIdentStart() {
    return Character.isUnicodeIdentifierStart(Character.codePointAt(chars, pos, length));
  }

  private static boolean isAsciiIdentStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipDigits() {
    while (pos < length && isDigit(chars[pos])) {
      pos++;
    }
  }

  private char peekChar(int ahead) {
    int p = pos + ahead;
    return p < length ? chars[p] : '\0';
  }

  private void single(TokenKind k) {
    pos++;
    emit(k);
  }

  private void pair(char second, TokenKind ifPair, TokenKind ifSingle) {
    if (peekChar(1) == second) {
      pos += 2;
      emit(ifPair);
    } else {
      single(ifSingle);
    }
  }

  private void required(char second, TokenKind k) {
    if (peekChar(1) != second) {
      throw invalidCharacter(pos);
    }
    pos += 2;
    emit(k);
  }

  private void emit(TokenKind k) {
    kind = k;
    end = pos;
  }

  private HclSyntaxException invalidCharacter(int at) {
    int cp = Character.codePointAt(chars, at, length);
    String shown = Character.isISOControl(cp) || Character.isWhitespace(cp)
        ? String.format("U+%04X", cp)
        : "\"" + new String(Character.toChars(cp)) + "\"";
    String hint = cp == '\'' ? "; strings use double quotes" : "";
    return src.error(at, "invalid character " + shown + hint);
  }
}
