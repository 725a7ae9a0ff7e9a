package io.jenkins.plugins.tglive;

import io.tglive.run.CommandLog;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Cuts a process's output into UTF-8 lines (without {@code \n} or {@code \r\n}) for a {@link CommandLog}. */
final class LineOutputStream extends OutputStream {

  private final CommandLog sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineOutputStream(CommandLog sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /** Passes on a last line that has no line end. */
  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    sink.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }
}
