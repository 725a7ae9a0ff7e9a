package io.tglive.config;

import java.util.HashMap;
import java.util.Map;

/** The built-in functions by name: Terraform's that Terragrunt configs use, and Terragrunt's own. */
final class FunctionTable {

  /**
   * A registered function.
   *
   * @param acceptsNestedUnknowns false when any unknown inside an argument makes the result unknown
   *     (most functions); true when the function handles unknown elements itself (length, concat,
   *     merge, lookup, ...). An argument that is itself unknown always makes the result unknown.
   */
  record Entry(BuiltinFunction function, boolean acceptsNestedUnknowns) {}

  /** Every supported function. */
  static final FunctionTable BUILTINS = new FunctionTable();

  private final Map<String, Entry> entries = new HashMap<>();

  private FunctionTable() {
    StandardFunctions.register(this);
    TerragruntFunctions.register(this);
    FileFunctions.register(this);
  }

  /** Registers a function whose result is unknown when any argument contains an unknown. */
  void strict(String name, BuiltinFunction function) {
    entries.put(name, new Entry(function, false));
  }

  /** Registers a function that handles unknown elements inside its arguments itself. */
  void lenient(String name, BuiltinFunction function) {
    entries.put(name, new Entry(function, true));
  }

  /** The function with this name, or null when it is not supported. */
  Entry get(String name) {
    return entries.get(name);
  }
}
