package io.tglive.config;

import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.Body;
import io.tglive.hcl.Expression;
import io.tglive.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates every attribute of a file outside {@code locals} and {@code include} blocks ({@code
 * inputs}, {@code generate}, {@code remote_state}, {@code terraform} hooks and {@code
 * extra_arguments}, ...) so that every file they read is recorded, although Terragrunt's graph
 * parse skips them. A failure there does not concern the graph: it is a diagnostic, and what was
 * read up to it stays recorded.
 *
 * <p>Only attributes that call a function that may read a file ({@link
 * FunctionTable.Entry#readsFiles()}: not Terraform's pure functions nor Terragrunt's functions of
 * paths and the environment), an unsupported function or an unknown name are evaluated. Otherwise an attribute can only reach files through locals (evaluated already),
 * includes (this pass covers them too) or values that are unknown anyway, so evaluating it would
 * read nothing new. That keeps a plain {@code inputs = merge(local.a, local.b)} from being built
 * for every unit. Which attributes qualify depends on the syntax alone: {@link FileFacts} holds
 * them, computed once per shared file.
 */
final class ReadsPass {

  private ReadsPass() {}

  static void run(FileEvaluation file) {
    for (Attribute attribute : file.facts().readsAttributes()) {
      try {
        file.evaluate(attribute.value());
      } catch (EvaluationError e) {
        if (!e.recoverable()) {
          throw e;
        }
        EvaluationError positioned = e.at(attribute.value().range());
        file.diagnostic(
            positioned.range() != null ? positioned.range() : attribute.range(),
            attribute.name() + " cannot be evaluated, so files it reads may be missing from its reads: "
                + positioned.detail());
      }
    }
  }

  /** The attributes of a file's body that {@link #run} evaluates, in the order it evaluates them. */
  static List<Attribute> attributes(Body body) {
    List<Attribute> attributes = new ArrayList<>();
    collect(body, null, attributes);
    return List.copyOf(attributes);
  }

  private static void collect(Body body, String blockType, List<Attribute> attributes) {
    for (Attribute attribute : body.attributes()) {
      if (!evaluatedForTheGraph(blockType, attribute.name()) && mayRead(attribute.value())) {
        attributes.add(attribute);
      }
    }
    for (Block block : body.blocks()) {
      boolean evaluatedAlready =
          blockType == null && (block.type().equals("locals") || block.type().equals("include"));
      if (!evaluatedAlready) {
        collect(block.body(), blockType == null ? block.type() : blockType + "." + block.type(), attributes);
      }
    }
  }

  /** True if the expression calls, anywhere inside it, a function that may read a file. */
  static boolean mayRead(Expression e) {
    if (e == null) {
      return false;
    }
    if (e instanceof Expression.FunctionCall call) {
      if (call.name().equals("try") || call.name().equals("can")) {
        return anyMayRead(call.args());
      }
      FunctionTable.Entry entry = FunctionTable.BUILTINS.get(call.name());
      return entry == null || entry.readsFiles() || anyMayRead(call.args());
    }
    if (e instanceof Expression.Template template) {
      for (TemplatePart part : template.parts()) {
        if (mayRead(part)) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof Expression.GetAttr get) {
      return mayRead(get.target());
    }
    if (e instanceof Expression.Index index) {
      return mayRead(index.target()) || mayRead(index.key());
    }
    if (e instanceof Expression.Splat splat) {
      return mayRead(splat.source()) || mayRead(splat.each());
    }
    if (e instanceof Expression.TupleCons tuple) {
      return anyMayRead(tuple.items());
    }
    if (e instanceof Expression.ObjectCons object) {
      for (Expression.ObjectItem item : object.items()) {
        if (mayRead(item.key()) || mayRead(item.value())) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof Expression.Unary unary) {
      return mayRead(unary.operand());
    }
    if (e instanceof Expression.Binary binary) {
      return mayRead(binary.left()) || mayRead(binary.right());
    }
    if (e instanceof Expression.Conditional conditional) {
      return mayRead(conditional.condition()) || mayRead(conditional.whenTrue())
          || mayRead(conditional.whenFalse());
    }
    if (e instanceof Expression.Parenthesized parenthesized) {
      return mayRead(parenthesized.inner());
    }
    if (e instanceof Expression.ForExpr loop) {
      return mayRead(loop.collection()) || mayRead(loop.keyResult())
          || mayRead(loop.valueResult()) || mayRead(loop.condition());
    }
    return false;
  }

  private static boolean anyMayRead(List<Expression> expressions) {
    for (Expression expression : expressions) {
      if (mayRead(expression)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayRead(TemplatePart part) {
    if (part instanceof TemplatePart.Interpolation interpolation) {
      return mayRead(interpolation.expression());
    }
    if (part instanceof TemplatePart.If branch) {
      return mayRead(branch.condition()) || anyPartMayRead(branch.then()) || anyPartMayRead(branch.otherwise());
    }
    if (part instanceof TemplatePart.For loop) {
      return mayRead(loop.collection()) || anyPartMayRead(loop.body());
    }
    return false;
  }

  private static boolean anyPartMayRead(List<TemplatePart> parts) {
    for (TemplatePart part : parts) {
      if (mayRead(part)) {
        return true;
      }
    }
    return false;
  }

  /** Attributes the graph evaluates (and whose problems it reports) before this pass. */
  private static boolean evaluatedForTheGraph(String blockType, String attribute) {
    if (blockType == null) {
      return false;
    }
    return switch (blockType) {
      case "dependency" -> attribute.equals("config_path") || attribute.equals("enabled");
      case "dependencies", "exclude" -> true;
      case "terraform" -> attribute.equals("source");
      default -> false;
    };
  }
}
