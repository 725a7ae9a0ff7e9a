package io.tglive.repo;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of file contents: invalid bytes are an error that says where, never replaced. */
public final class Utf8 {

  private Utf8() {}

  /**
   * The text of {@code bytes}, without a leading byte order mark.
   *
   * @throws NotUtf8Exception at the first byte that is not UTF-8
   */
  public static String decode(byte[] bytes) throws NotUtf8Exception {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new NotUtf8Exception(bytes, in.position());
    }
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Bytes that are not UTF-8; the message says {@code not UTF-8: invalid byte 0xNN}, {@link #line()} and {@link #column()} where. */
  public static final class NotUtf8Exception extends CharacterCodingException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String message;

    NotUtf8Exception(byte[] bytes, int offset) {
      int lineStart = 0;
      int lines = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          lines++;
          lineStart = i + 1;
        }
      }
      this.line = lines;
      this.column = offset - lineStart + 1;
      this.message = String.format("not UTF-8: invalid byte 0x%02X", offset < bytes.length ? bytes[offset] & 0xff : 0);
    }

    /** 1-based line of the first invalid byte. */
    public int line() {
      return line;
    }

    /** 1-based byte column of the first invalid byte. */
    public int column() {
      return column;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
