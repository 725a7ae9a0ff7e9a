package io.tglive.config;

import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.Body;
import io.tglive.hcl.Expression;
import io.tglive.hcl.TemplatePart;

/**
 * Evaluates every attribute of a file outside {@code locals} and {@code include} blocks ({@code
 * inputs}, {@code generate}, {@code remote_state}, {@code terraform} hooks and {@code
 * extra_arguments}, ...) so that every file they read is recorded, although Terragrunt's graph
 * parse skips them. A failure there does not concern the graph: it is a diagnostic, and what was
 * read up to it stays recorded.
 *
 * <p>Only attributes that call a function are evaluated: without a call, an attribute can only
 * reach files through locals (evaluated already), includes (this pass covers them too) or values
 * that are unknown anyway, so evaluating it would read nothing new. That keeps a plain {@code
 * inputs = { x = include.common.locals.y }} from building the included configuration's value for
 * every unit.
 */
final class ReadsPass {

  private ReadsPass() {}

  static void run(FileEvaluation file) {
    run(file, file.body(), null);
  }

  private static void run(FileEvaluation file, Body body, String blockType) {
    for (Attribute attribute : body.attributes()) {
      if (evaluatedForTheGraph(blockType, attribute.name()) || !callsAFunction(attribute.value())) {
        continue;
      }
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
    for (Block block : body.blocks()) {
      boolean evaluatedAlready =
          blockType == null && (block.type().equals("locals") || block.type().equals("include"));
      if (!evaluatedAlready) {
        run(file, block.body(), blockType == null ? block.type() : blockType + "." + block.type());
      }
    }
  }

  /** True if the expression calls a function anywhere inside it. */
  static boolean callsAFunction(Expression e) {
    if (e == null) {
      return false;
    }
    if (e instanceof Expression.FunctionCall) {
      return true;
    }
    if (e instanceof Expression.Template template) {
      return template.parts().stream().anyMatch(ReadsPass::callsAFunction);
    }
    if (e instanceof Expression.GetAttr get) {
      return callsAFunction(get.target());
    }
    if (e instanceof Expression.Index index) {
      return callsAFunction(index.target()) || callsAFunction(index.key());
    }
    if (e instanceof Expression.Splat splat) {
      return callsAFunction(splat.source()) || callsAFunction(splat.each());
    }
    if (e instanceof Expression.TupleCons tuple) {
      return tuple.items().stream().anyMatch(ReadsPass::callsAFunction);
    }
    if (e instanceof Expression.ObjectCons object) {
      return object.items().stream().anyMatch(item -> callsAFunction(item.key()) || callsAFunction(item.value()));
    }
    if (e instanceof Expression.Unary unary) {
      return callsAFunction(unary.operand());
    }
    if (e instanceof Expression.Binary binary) {
      return callsAFunction(binary.left()) || callsAFunction(binary.right());
    }
    if (e instanceof Expression.Conditional conditional) {
      return callsAFunction(conditional.condition()) || callsAFunction(conditional.whenTrue())
          || callsAFunction(conditional.whenFalse());
    }
    if (e instanceof Expression.Parenthesized parenthesized) {
      return callsAFunction(parenthesized.inner());
    }
    if (e instanceof Expression.ForExpr loop) {
      return callsAFunction(loop.collection()) || callsAFunction(loop.keyResult())
          || callsAFunction(loop.valueResult()) || callsAFunction(loop.condition());
    }
    return false;
  }

  private static boolean callsAFunction(TemplatePart part) {
    if (part instanceof TemplatePart.Interpolation interpolation) {
      return callsAFunction(interpolation.expression());
    }
    if (part instanceof TemplatePart.If branch) {
      return callsAFunction(branch.condition())
          || branch.then().stream().anyMatch(ReadsPass::callsAFunction)
          || branch.otherwise().stream().anyMatch(ReadsPass::callsAFunction);
    }
    if (part instanceof TemplatePart.For loop) {
      return callsAFunction(loop.collection()) || loop.body().stream().anyMatch(ReadsPass::callsAFunction);
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
