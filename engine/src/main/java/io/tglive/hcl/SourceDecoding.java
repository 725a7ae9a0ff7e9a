package io.tglive.hcl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of configuration files: invalid bytes and NULs are errors at file:line:column. */
final class SourceDecoding {

  private SourceDecoding() {}

  /** The text of {@code bytes}, or an {@link HclSyntaxException} naming the first bad byte. */
  static String decode(String fileName, byte[] bytes) {
    if (plainAscii(bytes)) {
      // Most configuration files: every byte is its own character, so no decoder is needed.
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never needs more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw error(fileName, bytes, at, String.format(
          "the file is not UTF-8: invalid byte 0x%02X (save it as UTF-8)", bytes[at] & 0xFF));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      SourceText src = new SourceText(fileName, text);
      throw src.error(nul, "the file contains a NUL byte (is it a binary file?)");
    }
    return text;
  }

  /** True when every byte is ASCII other than NUL: valid UTF-8 meaning the same characters. */
  private static boolean plainAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b <= 0) {
        return false;
      }
    }
    return true;
  }

  private static HclSyntaxException error(String fileName, byte[] bytes, int offset, String detail) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return new HclSyntaxException(fileName, line, before.length() + 1, detail);
  }
}
