package io.tglive.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the flat sequence of literals, interpolations and directive markers of one template and
 * turns it into {@link TemplatePart}s the way HCL does: strip markers first, then the {@code <<-}
 * indentation rule, then merging of adjacent literals, then nesting of {@code if} and {@code for}.
 */
final class TemplateBuilder {

  /** The kinds of {@code ${}} and {@code %{}} sequence. */
  enum SequenceKind {
    INTERPOLATION("interpolation"),
    IF("if"),
    ELSE("else"),
    ENDIF("endif"),
    FOR("for"),
    ENDFOR("endfor");

    private final String word;

    SequenceKind(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }
  }

  private sealed interface Piece {}

  private record Literal(String text, int start, int end) implements Piece {}

  private record Sequence(
      SequenceKind kind,
      Expression expression,
      String keyVariable,
      String valueVariable,
      boolean stripLeft,
      boolean stripRight,
      int start,
      int end)
      implements Piece {}

  private final SourceText src;
  private final List<Piece> pieces = new ArrayList<>();
  private int cursor;

  TemplateBuilder(SourceText src) {
    this.src = src;
  }

  void literal(String text, int start, int end) {
    pieces.add(new Literal(text, start, end));
  }

  void sequence(
      SequenceKind kind,
      Expression expression,
      String keyVariable,
      String valueVariable,
      boolean stripLeft,
      boolean stripRight,
      int start,
      int end) {
    pieces.add(new Sequence(kind, expression, keyVariable, valueVariable, stripLeft, stripRight, start, end));
  }

  /** The template parts; {@code flushIndentation} applies the {@code <<-} rule. */
  List<TemplatePart> build(boolean flushIndentation) {
    applyStripMarkers();
    if (flushIndentation) {
      flushIndentation();
    }
    mergeAdjacentLiterals();
    cursor = 0;
    List<TemplatePart> parts = nest();
    if (cursor < pieces.size()) {
      Sequence stray = (Sequence) pieces.get(cursor);
      throw src.error(stray.start(), "unexpected %{ " + stray.kind().word + " } : no matching %{ "
          + (stray.kind() == SequenceKind.ENDFOR ? "for" : "if") + " }");
    }
    return parts;
  }

  private void applyStripMarkers() {
    for (int i = 0; i < pieces.size(); i++) {
      if (!(pieces.get(i) instanceof Sequence sequence)) {
        continue;
      }
      if (sequence.stripLeft() && i > 0 && pieces.get(i - 1) instanceof Literal before) {
        pieces.set(i - 1, new Literal(stripTrailingSpace(before.text()), before.start(), before.end()));
      }
      if (sequence.stripRight() && i + 1 < pieces.size() && pieces.get(i + 1) instanceof Literal after) {
        pieces.set(i + 1, new Literal(stripLeadingSpace(after.text()), after.start(), after.end()));
      }
    }
  }

  /**
   * Removes the smallest indentation of all line-leading literals from each of them. Lines made only of
   * white space are ignored when measuring and left alone, as in HCL.
   */
  private void flushIndentation() {
    int smallest = Integer.MAX_VALUE;
    boolean lineStart = true;
    boolean[] adjust = new boolean[pieces.size()];
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      if (lineStart) {
        lineStart = false;
        int indentation = 0;
        if (piece instanceof Literal literal) {
          indentation = leadingSpaceCount(literal.text());
          if (indentation == literal.text().length() && literal.text().endsWith("\n")) {
            indentation = Integer.MAX_VALUE;
          } else {
            adjust[i] = true;
          }
        }
        smallest = Math.min(smallest, indentation);
      }
      if (piece instanceof Literal literal && literal.text().endsWith("\n")) {
        lineStart = true;
      }
    }
    if (smallest == 0 || smallest == Integer.MAX_VALUE) {
      return;
    }
    for (int i = 0; i < adjust.length; i++) {
      if (adjust[i]) {
        Literal literal = (Literal) pieces.get(i);
        pieces.set(i, new Literal(literal.text().substring(smallest), literal.start() + smallest, literal.end()));
      }
    }
  }

  /** Joins each run of adjacent literals into one, in linear time (heredocs have one literal per line). */
  private void mergeAdjacentLiterals() {
    List<Piece> merged = new ArrayList<>(pieces.size());
    int i = 0;
    while (i < pieces.size()) {
      int runEnd = i;
      while (runEnd < pieces.size() && pieces.get(runEnd) instanceof Literal) {
        runEnd++;
      }
      if (runEnd - i > 1) {
        StringBuilder text = new StringBuilder();
        for (int j = i; j < runEnd; j++) {
          text.append(((Literal) pieces.get(j)).text());
        }
        merged.add(new Literal(text.toString(), ((Literal) pieces.get(i)).start(), ((Literal) pieces.get(runEnd - 1)).end()));
        i = runEnd;
      } else {
        merged.add(pieces.get(i++));
      }
    }
    pieces.clear();
    pieces.addAll(merged);
  }

  /** Builds parts from {@link #cursor} up to the next else/endif/endfor directive or the end. */
  private List<TemplatePart> nest() {
    List<TemplatePart> parts = new ArrayList<>();
    while (cursor < pieces.size()) {
      Piece piece = pieces.get(cursor);
      if (piece instanceof Literal literal) {
        parts.add(new TemplatePart.Literal(literal.text(), src.range(literal.start(), literal.end())));
        cursor++;
        continue;
      }
      Sequence sequence = (Sequence) piece;
      switch (sequence.kind()) {
        case INTERPOLATION -> {
          parts.add(new TemplatePart.Interpolation(
              sequence.expression(), sequence.stripLeft(), sequence.stripRight(), src.range(sequence.start(), sequence.end())));
          cursor++;
        }
        case IF -> parts.add(nestIf(sequence));
        case FOR -> parts.add(nestFor(sequence));
        default -> {
          return parts;
        }
      }
    }
    return parts;
  }

  private TemplatePart nestIf(Sequence open) {
    cursor++;
    List<TemplatePart> then = nest();
    List<TemplatePart> otherwise = List.of();
    if (closing(open, SequenceKind.ELSE, SequenceKind.ENDIF).kind() == SequenceKind.ELSE) {
      cursor++;
      otherwise = nest();
    }
    Sequence end = closing(open, SequenceKind.ENDIF, SequenceKind.ENDIF);
    cursor++;
    return new TemplatePart.If(open.expression(), then, otherwise, src.range(open.start(), end.end()));
  }

  private TemplatePart nestFor(Sequence open) {
    cursor++;
    List<TemplatePart> body = nest();
    Sequence end = closing(open, SequenceKind.ENDFOR, SequenceKind.ENDFOR);
    cursor++;
    return new TemplatePart.For(
        open.keyVariable(), open.valueVariable(), open.expression(), body, src.range(open.start(), end.end()));
  }

  /** The directive at the cursor, which must be one of the two kinds that may close {@code open}. */
  private Sequence closing(Sequence open, SequenceKind allowed, SequenceKind expected) {
    String expectation = "%{ " + open.kind().word + " }; expected %{ " + expected.word + " }";
    if (cursor >= pieces.size()) {
      throw src.error(open.start(), "unterminated " + expectation);
    }
    Sequence found = (Sequence) pieces.get(cursor);
    if (found.kind() != allowed && found.kind() != expected) {
      throw src.error(found.start(), "unexpected %{ " + found.kind().word + " } inside " + expectation);
    }
    return found;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  private static int leadingSpaceCount(String text) {
    int i = 0;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String stripLeadingSpace(String text) {
    return text.substring(leadingSpaceCount(text));
  }

  private static String stripTrailingSpace(String text) {
    int end = text.length();
    while (end > 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
