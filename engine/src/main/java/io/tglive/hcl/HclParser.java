package io.tglive.hcl;

import io.tglive.hcl.Expression.BinaryOperator;
import io.tglive.hcl.Expression.UnaryOperator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Recursive-descent parser for HCL2 native syntax (HashiCorp's hclsyntax specification). */
public final class HclParser {

  /** The deepest nesting of blocks and expressions accepted, so hostile input cannot exhaust the stack. */
  static final int MAX_DEPTH = 256;

  /**
   * The longest flat chain of binary operators, or of {@code .attr}/{@code [i]} steps, in one
   * expression; such chains are not nesting, but a bound keeps every tree walker's work finite.
   */
  static final int MAX_CHAIN = 10_000;

  private final SourceText src;
  private final HclLexer lexer;
  /** Whether the lexer's current token has been read but not consumed. */
  private boolean buffered;
  private boolean newlinesSignificant = true;
  private int depth;

  private HclParser(String fileName, String source) {
    this(new SourceText(fileName, source));
  }

  HclParser(SourceText src) {
    this.src = src;
    this.lexer = new HclLexer(src);
  }

  /**
   * The text from {@code start} to {@code end} parsed as a template file (no quotes, no backslash
   * escapes), as HCL reads a JSON string's value; its range starts at {@code rangeStart}. How {@link
   * HclJsonParser} turns JSON strings into templates.
   */
  Expression.Template bareTemplate(int rangeStart, int start, int end) {
    lexer.pos = start;
    lexer.length = end;
    lexer.bare = true;
    buffered = false;
    newlinesSignificant = false;
    depth = 0;
    try {
      return parseTemplateBody(rangeStart);
    } finally {
      lexer.bare = false;
      lexer.length = src.chars.length;
    }
  }

  /**
   * Parses a file's bytes: they must be UTF-8 without NUL bytes, else an {@link HclSyntaxException}
   * names the file, line and column of the first bad byte. A name ending in {@code .json} is HCL's
   * JSON syntax ({@link HclJsonParser}), anything else native syntax, as in Terragrunt.
   */
  public static HclFile parse(String fileName, byte[] content) {
    Objects.requireNonNull(fileName, "fileName");
    return parse(fileName, SourceDecoding.decode(fileName, content));
  }

  /**
   * Parses a whole file: JSON syntax when the name ends in {@code .json}, else native syntax; the
   * only exception thrown for bad input is {@link HclSyntaxException}.
   */
  public static HclFile parse(String fileName, String source) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(source, "source");
    if (fileName.endsWith(".json")) {
      return HclJsonParser.parse(fileName, source);
    }
    return parseNative(fileName, source);
  }

  /** Parses native syntax whatever the file name. */
  public static HclFile parseNative(String fileName, String source) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(source, "source");
    HclParser parser = new HclParser(fileName, source);
    try {
      return new HclFile(fileName, source, parser.parseFile());
    } catch (StackOverflowError e) {
      // Only on a thread with a very small stack: MAX_DEPTH keeps recursion bounded otherwise.
      throw parser.src.error(Math.min(parser.lexer.pos, source.length()),
          "nesting too deep to parse on this thread's stack (limit " + MAX_DEPTH + ")");
    }
  }

  // ---------------------------------------------------------------- structure

  private Body parseFile() {
    int start = lexer.pos;
    return parseBody(start, false);
  }

  /** Parses body items until end of file (top level) or an unconsumed {@code }} (inside a block). */
  private Body parseBody(int start, boolean inBlock) {
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    Map<String, Attribute> seen = new HashMap<>();
    while (true) {
      TokenKind kind = peek();
      if (kind == TokenKind.NEWLINE) {
        advance();
        continue;
      }
      if (kind == TokenKind.EOF || kind == TokenKind.RBRACE && inBlock) {
        break;
      }
      if (kind != TokenKind.IDENT) {
        throw unexpected("expected an attribute name or a block type");
      }
      int nameStart = lexer.start;
      String name = lexer.text();
      advance();
      if (peek() == TokenKind.EQUAL) {
        advance();
        Expression value = parseExpression();
        Attribute attribute = new Attribute(name, value, src.range(nameStart, value.range().endOffset()));
        Attribute first = seen.putIfAbsent(name, attribute);
        if (first != null) {
          throw src.error(nameStart, "duplicate attribute \"" + name + "\" on line " + attribute.range().start().line()
              + "; first defined on line " + first.range().start().line());
        }
        attributes.add(attribute);
        endItem(inBlock, "the attribute value");
      } else {
        blocks.add(parseBlock(name, nameStart));
        endItem(inBlock, "the block");
      }
    }
    return new Body(attributes, blocks, src.range(start, inBlock ? lexer.end : src.chars.length));
  }

  /** After an attribute or block: a newline, the end of file, or the {@code }} closing the enclosing block. */
  private void endItem(boolean inBlock, String after) {
    TokenKind kind = peek();
    if (kind == TokenKind.NEWLINE) {
      advance();
    } else if (kind != TokenKind.EOF && !(kind == TokenKind.RBRACE && inBlock)) {
      throw unexpected("expected a newline after " + after);
    }
  }

  private Block parseBlock(String type, int typeStart) {
    enter();
    List<String> labels = new ArrayList<>();
    while (peek() != TokenKind.LBRACE) {
      if (kind() == TokenKind.IDENT) {
        labels.add(lexer.text());
        advance();
      } else if (kind() == TokenKind.OPEN_QUOTE) {
        labels.add(parseLabel());
      } else {
        throw unexpected("expected \"=\", a block label or \"{\"");
      }
    }
    int open = lexer.start;
    advance();
    Body body = parseBody(open, true);
    if (peek() != TokenKind.RBRACE) {
      throw unexpected("expected \"}\" to close the block \"" + type + "\" opened on line " + src.pos(open).line());
    }
    int close = lexer.end;
    advance();
    leave();
    return new Block(type, labels, body, src.range(typeStart, close));
  }

  private String parseLabel() {
    Expression.Template label = parseQuotedTemplate();
    if (label.parts().isEmpty()) {
      return "";
    }
    if (label.parts().size() == 1 && label.parts().get(0) instanceof TemplatePart.Literal literal) {
      return literal.text();
    }
    throw src.error(label.range().startOffset(), "block labels cannot contain interpolations or directives");
  }

  // ---------------------------------------------------------------- expressions

  private Expression parseExpression() {
    enter();
    Expression condition = parseBinary(1);
    Expression result = condition;
    if (peek() == TokenKind.QUESTION) {
      advance();
      Expression whenTrue = parseExpression();
      if (peek() != TokenKind.COLON) {
        throw unexpected("expected \":\" in the conditional expression");
      }
      advance();
      Expression whenFalse = parseExpression();
      result = new Expression.Conditional(condition, whenTrue, whenFalse, span(condition, whenFalse));
    }
    leave();
    return result;
  }

  /**
   * Precedence climbing over the binary operators, all left-associative. A chain of operators is
   * built by iteration (recursion only climbs the six precedence levels), so {@code a + b + ... + z}
   * is a flat chain, not nesting: it counts against {@link #MAX_CHAIN}, not {@link #MAX_DEPTH}.
   */
  private Expression parseBinary(int minLevel) {
    Expression left = parseUnary();
    int operators = 0;
    while (true) {
      BinaryOperator operator = binaryOperator(peek());
      if (operator == null || level(operator) < minLevel) {
        break;
      }
      int at = lexer.start;
      advance();
      if (++operators > MAX_CHAIN) {
        throw src.error(at, "operator chain too long (limit " + MAX_CHAIN + " operators)");
      }
      Expression right = parseBinary(level(operator) + 1);
      left = new Expression.Binary(operator, left, right, span(left, right));
    }
    return left;
  }

  private static BinaryOperator binaryOperator(TokenKind kind) {
    return switch (kind) {
      case OR -> BinaryOperator.OR;
      case AND -> BinaryOperator.AND;
      case EQUAL_EQUAL -> BinaryOperator.EQUAL;
      case NOT_EQUAL -> BinaryOperator.NOT_EQUAL;
      case LESS -> BinaryOperator.LESS;
      case LESS_EQUAL -> BinaryOperator.LESS_OR_EQUAL;
      case GREATER -> BinaryOperator.GREATER;
      case GREATER_EQUAL -> BinaryOperator.GREATER_OR_EQUAL;
      case PLUS -> BinaryOperator.ADD;
      case MINUS -> BinaryOperator.SUBTRACT;
      case STAR -> BinaryOperator.MULTIPLY;
      case SLASH -> BinaryOperator.DIVIDE;
      case PERCENT -> BinaryOperator.MODULO;
      default -> null;
    };
  }

  /** HCL precedence level: 1 binds loosest ({@code ||}), 6 tightest ({@code * / %}). */
  private static int level(BinaryOperator operator) {
    return switch (operator) {
      case OR -> 1;
      case AND -> 2;
      case EQUAL, NOT_EQUAL -> 3;
      case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> 4;
      case ADD, SUBTRACT -> 5;
      case MULTIPLY, DIVIDE, MODULO -> 6;
    };
  }

  private Expression parseUnary() {
    TokenKind kind = peek();
    if (kind == TokenKind.MINUS || kind == TokenKind.BANG) {
      int start = lexer.start;
      advance();
      enter();
      Expression operand = parseUnary();
      leave();
      UnaryOperator operator = kind == TokenKind.MINUS ? UnaryOperator.NEGATE : UnaryOperator.NOT;
      return new Expression.Unary(operator, operand, src.range(start, operand.range().endOffset()));
    }
    return parsePostfix(parsePrimary());
  }

  /**
   * Attribute access, index and splat steps after a term. Inside a splat the steps apply to the
   * {@link Expression.SplatItem}; an attribute-only splat ({@code .*}) ends at the first index.
   */
  private Expression parsePostfix(Expression term) {
    Expression target = term;
    Expression splatSource = null;
    boolean attributeOnlySplat = false;
    int steps = 0;
    int splats = 0;
    while (true) {
      TokenKind kind = peek();
      if (kind == TokenKind.DOT) {
        int dot = lexer.start;
        advance();
        TokenKind next = peek();
        if (next == TokenKind.STAR) {
          int star = lexer.end;
          advance();
          if (splatSource != null) {
            target = new Expression.Splat(splatSource, target, span(splatSource, target));
          }
          splatSource = target;
          attributeOnlySplat = true;
          target = new Expression.SplatItem(src.range(dot, star));
        } else if (next == TokenKind.IDENT || next == TokenKind.NUMBER) {
          target = new Expression.GetAttr(target, attributeName(), span(target, lexer.end));
          advance();
        } else {
          throw unexpected("expected an attribute name after \".\"");
        }
      } else if (kind == TokenKind.LBRACK) {
        if (splatSource != null && attributeOnlySplat) {
          target = new Expression.Splat(splatSource, target, span(splatSource, target));
          splatSource = null;
        }
        int open = lexer.start;
        advance();
        boolean saved = newlinesSignificant;
        newlinesSignificant = false;
        if (peek() == TokenKind.STAR) {
          advance();
          int close = expectClose(TokenKind.RBRACK, "expected \"]\" after \"[*\"");
          newlinesSignificant = saved;
          if (splatSource != null) {
            target = new Expression.Splat(splatSource, target, span(splatSource, target));
          }
          splatSource = target;
          attributeOnlySplat = false;
          target = new Expression.SplatItem(src.range(open, close));
        } else {
          Expression key = parseExpression();
          int close = expectClose(TokenKind.RBRACK, "expected \"]\" to close the index");
          newlinesSignificant = saved;
          target = new Expression.Index(target, key, span(target, close));
        }
      } else {
        break;
      }
      if (target instanceof Expression.SplatItem) {
        enter(); // each splat nests the steps after it
        splats++;
      }
      if (++steps > MAX_CHAIN) {
        throw src.error(target.range().endOffset(), "traversal chain too long (limit " + MAX_CHAIN + " steps)");
      }
    }
    if (splatSource != null) {
      target = new Expression.Splat(splatSource, target, span(splatSource, target));
    }
    depth -= splats;
    return target;
  }

  /** The name after {@code .}: an identifier or, for the legacy index form {@code .0}, digits only. */
  private String attributeName() {
    String name = lexer.text();
    if (kind() == TokenKind.NUMBER) {
      for (int i = 0; i < name.length(); i++) {
        if (name.charAt(i) < '0' || name.charAt(i) > '9') {
          throw unexpected("expected an attribute name or a whole-number index after \".\"");
        }
      }
    }
    return name;
  }

  private Expression parsePrimary() {
    TokenKind kind = peek();
    int start = lexer.start;
    switch (kind) {
      case NUMBER -> {
        Expression number = new Expression.NumberLiteral(parseNumber(), src.range(start, lexer.end));
        advance();
        return number;
      }
      case IDENT -> {
        return parseIdentifierTerm();
      }
      case LPAREN -> {
        advance();
        boolean saved = newlinesSignificant;
        newlinesSignificant = false;
        Expression inner = parseExpression();
        int close = expectClose(TokenKind.RPAREN, "expected \")\" to close the parenthesis");
        newlinesSignificant = saved;
        return new Expression.Parenthesized(inner, src.range(start, close));
      }
      case LBRACK -> {
        return parseTuple();
      }
      case LBRACE -> {
        return parseObject();
      }
      case OPEN_QUOTE -> {
        return parseQuotedTemplate();
      }
      case HEREDOC -> {
        return parseHeredoc();
      }
      default -> throw unexpected("expected an expression");
    }
  }

  private BigDecimal parseNumber() {
    try {
      return new BigDecimal(src.chars, lexer.start, lexer.end - lexer.start);
    } catch (NumberFormatException | ArithmeticException e) {
      throw src.error(lexer.start, "invalid number " + lexer.describe());
    }
  }

  private Expression parseIdentifierTerm() {
    int start = lexer.start;
    int end = lexer.end;
    SourceRange range = src.range(start, end);
    if (lexer.isWord("true") || lexer.isWord("false")) {
      boolean value = lexer.isWord("true");
      advance();
      return new Expression.BoolLiteral(value, range);
    }
    if (lexer.isWord("null")) {
      advance();
      return new Expression.NullLiteral(range);
    }
    String name = lexer.text();
    advance();
    boolean namespaced = false;
    while (peek() == TokenKind.DOUBLE_COLON) {
      advance();
      if (peek() != TokenKind.IDENT) {
        throw unexpected("expected a name after \"::\"");
      }
      name = name + "::" + lexer.text();
      advance();
      namespaced = true;
    }
    if (peek() == TokenKind.LPAREN) {
      return parseCall(name, start);
    }
    if (namespaced) {
      throw unexpected("expected \"(\" after the function name \"" + name + "\"");
    }
    return new Expression.Variable(name, range);
  }

  private Expression parseCall(String name, int start) {
    advance();
    boolean saved = newlinesSignificant;
    newlinesSignificant = false;
    List<Expression> args = new ArrayList<>();
    boolean expandFinal = false;
    while (peek() != TokenKind.RPAREN) {
      args.add(parseExpression());
      TokenKind separator = peek();
      if (separator == TokenKind.COMMA) {
        advance();
      } else if (separator == TokenKind.ELLIPSIS) {
        advance();
        expandFinal = true;
        if (peek() != TokenKind.RPAREN) {
          throw unexpected("expected \")\" after the expanded final argument");
        }
      } else if (separator != TokenKind.RPAREN) {
        throw unexpected("expected \",\" or \")\" in the arguments of " + name + "()");
      }
    }
    int close = lexer.end;
    advance();
    newlinesSignificant = saved;
    return new Expression.FunctionCall(name, args, expandFinal, src.range(start, close));
  }

  private Expression parseTuple() {
    int open = lexer.start;
    advance();
    boolean saved = newlinesSignificant;
    newlinesSignificant = false;
    if (peek() == TokenKind.IDENT && lexer.isWord("for")) {
      Expression forExpr = parseFor(open, false);
      newlinesSignificant = saved;
      return forExpr;
    }
    List<Expression> items = new ArrayList<>();
    while (peek() != TokenKind.RBRACK) {
      items.add(parseExpression());
      TokenKind separator = peek();
      if (separator == TokenKind.COMMA) {
        advance();
      } else if (separator != TokenKind.RBRACK) {
        throw unexpected("expected \",\" or \"]\" in the tuple");
      }
    }
    int close = lexer.end;
    advance();
    newlinesSignificant = saved;
    return new Expression.TupleCons(items, src.range(open, close));
  }

  private Expression parseObject() {
    int open = lexer.start;
    advance();
    boolean saved = newlinesSignificant;
    newlinesSignificant = false;
    if (peek() == TokenKind.IDENT && lexer.isWord("for")) {
      Expression forExpr = parseFor(open, true);
      newlinesSignificant = saved;
      return forExpr;
    }
    newlinesSignificant = true;
    List<Expression.ObjectItem> items = new ArrayList<>();
    while (true) {
      TokenKind kind = peek();
      if (kind == TokenKind.NEWLINE) {
        advance();
        continue;
      }
      if (kind == TokenKind.RBRACE) {
        break;
      }
      Expression key = objectKey(parseExpression());
      if (peek() != TokenKind.EQUAL && kind() != TokenKind.COLON) {
        throw unexpected("expected \"=\" or \":\" after the object key");
      }
      advance();
      Expression value = parseExpression();
      items.add(new Expression.ObjectItem(key, value));
      TokenKind separator = peek();
      if (separator == TokenKind.COMMA || separator == TokenKind.NEWLINE) {
        advance();
      } else if (separator != TokenKind.RBRACE) {
        throw unexpected("expected a newline, \",\" or \"}\" after the object item");
      }
    }
    int close = lexer.end;
    advance();
    newlinesSignificant = saved;
    return new Expression.ObjectCons(items, src.range(open, close));
  }

  /** A bare identifier key (including {@code true}, {@code false}, {@code null}) names itself literally. */
  private Expression objectKey(Expression key) {
    String name = null;
    if (key instanceof Expression.Variable variable) {
      name = variable.name();
    } else if (key instanceof Expression.BoolLiteral || key instanceof Expression.NullLiteral) {
      name = src.text(key.range().startOffset(), key.range().endOffset());
    }
    if (name == null) {
      return key;
    }
    return new Expression.Template(List.of(new TemplatePart.Literal(name, key.range())), key.range());
  }

  /** {@code for k, v in coll : ...} after the opening bracket; newlines are already insignificant. */
  private Expression parseFor(int open, boolean producesObject) {
    enter();
    advance();
    String first = expectIdentifier("expected a variable name after \"for\"");
    String second = null;
    if (peek() == TokenKind.COMMA) {
      advance();
      second = expectIdentifier("expected a second variable name after \",\"");
    }
    if (peek() != TokenKind.IDENT || !lexer.isWord("in")) {
      throw unexpected("expected \"in\" after the for variables");
    }
    advance();
    Expression collection = parseExpression();
    if (peek() != TokenKind.COLON) {
      throw unexpected("expected \":\" after the for collection");
    }
    advance();
    Expression keyResult = null;
    if (producesObject) {
      keyResult = parseExpression();
      if (peek() != TokenKind.FAT_ARROW) {
        throw unexpected("expected \"=>\" after the key of an object for expression");
      }
      advance();
    }
    Expression valueResult = parseExpression();
    boolean grouping = false;
    if (producesObject && peek() == TokenKind.ELLIPSIS) {
      advance();
      grouping = true;
    }
    Expression condition = null;
    if (peek() == TokenKind.IDENT && lexer.isWord("if")) {
      advance();
      condition = parseExpression();
    }
    TokenKind closer = producesObject ? TokenKind.RBRACE : TokenKind.RBRACK;
    int close = expectClose(closer, producesObject
        ? "expected \"...\", \"if\" or \"}\" to end the for expression"
        : "expected \"if\" or \"]\" to end the for expression");
    leave();
    String keyVariable = second == null ? null : first;
    String valueVariable = second == null ? first : second;
    return new Expression.ForExpr(
        keyVariable, valueVariable, collection, keyResult, valueResult, condition, grouping, src.range(open, close));
  }

  // ---------------------------------------------------------------- templates

  private Expression.Template parseQuotedTemplate() {
    int open = lexer.start;
    advance();
    boolean bare = lexer.bare;
    lexer.bare = false; // a quoted string inside a bare template's interpolation ends at its quote
    try {
      return parseTemplateBody(open);
    } finally {
      lexer.bare = bare;
    }
  }

  /** The template after its opening quote (or from the start of a bare template) to its end. */
  private Expression.Template parseTemplateBody(int open) {
    TemplateBuilder template = null;
    StringBuilder text = new StringBuilder();
    while (true) {
      int literalStart = lexer.pos;
      text.setLength(0);
      HclLexer.LiteralStop stop = lexer.scanQuotedLiteral(text);
      if (template == null && stop == HclLexer.LiteralStop.CLOSE_QUOTE) {
        // A plain string, by far the most common: one literal part (or none), no template building.
        List<TemplatePart> parts = lexer.pos > literalStart
            ? List.of(new TemplatePart.Literal(text.toString(), src.range(literalStart, lexer.pos)))
            : List.of();
        lexer.pos++;
        return new Expression.Template(parts, src.range(open, lexer.pos));
      }
      if (template == null) {
        template = new TemplateBuilder(src);
      }
      if (lexer.pos > literalStart) {
        template.literal(text.toString(), literalStart, lexer.pos);
      }
      switch (stop) {
        case CLOSE_QUOTE -> {
          lexer.pos++;
          return new Expression.Template(template.build(false), src.range(open, lexer.pos));
        }
        case INTERPOLATION -> parseInterpolation(template);
        case DIRECTIVE -> parseDirective(template);
        default -> throw src.error(open, "unterminated string");
      }
    }
  }

  private Expression.Template parseHeredoc() {
    int open = lexer.start;
    boolean indented = lexer.heredocIndented;
    int markerStart = lexer.markerStart;
    int markerEnd = lexer.markerEnd;
    advance();
    TemplateBuilder template = new TemplateBuilder(src);
    StringBuilder text = new StringBuilder();
    boolean lineStart = true;
    while (!(lineStart && lexer.atHeredocEnd(markerStart, markerEnd))) {
      int literalStart = lexer.pos;
      text.setLength(0);
      HclLexer.LiteralStop stop = lexer.scanHeredocLiteral(text);
      if (lexer.pos > literalStart) {
        template.literal(text.toString(), literalStart, lexer.pos);
      }
      lineStart = stop == HclLexer.LiteralStop.LINE_END;
      switch (stop) {
        case INTERPOLATION -> parseInterpolation(template);
        case DIRECTIVE -> parseDirective(template);
        case UNTERMINATED -> throw src.error(open,
            "unterminated heredoc; expected marker " + src.text(markerStart, markerEnd));
        default -> {
          // LINE_END: the next line may be the closing marker
        }
      }
    }
    return new Expression.Template(template.build(indented), src.range(open, lexer.pos));
  }

  private void parseInterpolation(TemplateBuilder template) {
    int start = lexer.pos;
    boolean stripLeft = lexer.openSequence();
    boolean saved = newlinesSignificant;
    newlinesSignificant = false;
    Expression expression = parseExpression();
    boolean stripRight = closeSequence("expected \"}\" to close the interpolation");
    newlinesSignificant = saved;
    template.sequence(TemplateBuilder.SequenceKind.INTERPOLATION, expression, null, null, stripLeft, stripRight, start, lexer.end);
  }

  private void parseDirective(TemplateBuilder template) {
    int start = lexer.pos;
    boolean stripLeft = lexer.openSequence();
    boolean saved = newlinesSignificant;
    newlinesSignificant = false;
    if (peek() != TokenKind.IDENT) {
      throw unexpected("expected a template directive (if, else, endif, for, endfor)");
    }
    TemplateBuilder.SequenceKind kind;
    Expression expression = null;
    String keyVariable = null;
    String valueVariable = null;
    if (lexer.isWord("if")) {
      kind = TemplateBuilder.SequenceKind.IF;
      advance();
      expression = parseExpression();
    } else if (lexer.isWord("for")) {
      kind = TemplateBuilder.SequenceKind.FOR;
      advance();
      valueVariable = expectIdentifier("expected a variable name after \"for\"");
      if (peek() == TokenKind.COMMA) {
        advance();
        keyVariable = valueVariable;
        valueVariable = expectIdentifier("expected a second variable name after \",\"");
      }
      if (peek() != TokenKind.IDENT || !lexer.isWord("in")) {
        throw unexpected("expected \"in\" after the for variables");
      }
      advance();
      expression = parseExpression();
    } else if (lexer.isWord("else")) {
      kind = TemplateBuilder.SequenceKind.ELSE;
      advance();
    } else if (lexer.isWord("endif")) {
      kind = TemplateBuilder.SequenceKind.ENDIF;
      advance();
    } else if (lexer.isWord("endfor")) {
      kind = TemplateBuilder.SequenceKind.ENDFOR;
      advance();
    } else {
      throw unexpected("expected a template directive (if, else, endif, for, endfor)");
    }
    boolean stripRight = closeSequence("expected \"}\" to close the %{ " + kind.word() + " } directive");
    newlinesSignificant = saved;
    template.sequence(kind, expression, keyVariable, valueVariable, stripLeft, stripRight, start, lexer.end);
  }

  /**
   * Consumes the {@code }} or {@code ~}} ending a template sequence without reading further, since
   * template text follows; returns whether it was a strip marker.
   */
  private boolean closeSequence(String expectation) {
    TokenKind kind = peek();
    if (kind != TokenKind.RBRACE && kind != TokenKind.STRIP_RBRACE) {
      throw unexpected(expectation);
    }
    advance();
    return kind == TokenKind.STRIP_RBRACE;
  }

  // ---------------------------------------------------------------- tokens

  /** The current token's kind, reading it if needed; newlines are skipped where insignificant. */
  private TokenKind peek() {
    while (true) {
      if (!buffered) {
        lexer.next();
        buffered = true;
      }
      if (lexer.kind != TokenKind.NEWLINE || newlinesSignificant) {
        return lexer.kind;
      }
      buffered = false;
    }
  }

  /** The kind of the token most recently peeked. */
  private TokenKind kind() {
    return lexer.kind;
  }

  /** Consumes the peeked token; its start and end stay readable on the lexer until the next peek. */
  private void advance() {
    buffered = false;
  }

  private int expectClose(TokenKind closer, String expectation) {
    if (peek() != closer) {
      throw unexpected(expectation);
    }
    int end = lexer.end;
    advance();
    return end;
  }

  private String expectIdentifier(String expectation) {
    if (peek() != TokenKind.IDENT) {
      throw unexpected(expectation);
    }
    String name = lexer.text();
    advance();
    return name;
  }

  private HclSyntaxException unexpected(String expectation) {
    peek();
    return src.error(lexer.start, "unexpected " + lexer.describe() + " : " + expectation);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw src.error(buffered ? lexer.start : lexer.pos, "nesting too deep (limit " + MAX_DEPTH + ")");
    }
  }

  private void leave() {
    depth--;
  }

  private SourceRange span(Expression first, Expression last) {
    return src.range(first.range().startOffset(), last.range().endOffset());
  }

  private SourceRange span(Expression first, int end) {
    return src.range(first.range().startOffset(), end);
  }
}
