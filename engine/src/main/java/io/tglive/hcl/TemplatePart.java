package io.tglive.hcl;

import java.util.List;

/** A piece of a string template or heredoc. */
public sealed interface TemplatePart {

  SourceRange range();

  /** Literal text, with escapes ({@code \n}, {@code $${}}, {@code %%{}}) already decoded. */
  record Literal(String text, SourceRange range) implements TemplatePart {}

  /** {@code ${ expression }}; strip flags record {@code ${~} and {@code ~}}. */
  record Interpolation(Expression expression, boolean stripLeft, boolean stripRight, SourceRange range)
      implements TemplatePart {}

  /** {@code %{ if cond }...%{ else }...%{ endif }}; {@code otherwise} is empty without else. */
  record If(Expression condition, List<TemplatePart> then, List<TemplatePart> otherwise, SourceRange range)
      implements TemplatePart {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code %{ for k, v in coll }...%{ endfor }}; {@code keyVariable} may be null. */
  record For(
      String keyVariable, String valueVariable, Expression collection, List<TemplatePart> body, SourceRange range)
      implements TemplatePart {
    public For {
      body = List.copyOf(body);
    }
  }
}
