package io.tglive.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The built-in functions by name: Terraform's that Terragrunt configs use, and Terragrunt's own. */
final class FunctionTable {

  /**
   * A registered function.
   *
   * @param acceptsNestedUnknowns false when any unknown inside an argument makes the result unknown
   *     (most functions); true when the function handles unknown elements itself (length, concat,
   *     merge, lookup, ...). An argument that is itself unknown always makes the result unknown.
   * @param failureIsUnknown true for Terraform's pure functions: a failure outside {@code try}/{@code
   *     can} yields an unknown value and a diagnostic for the unit instead of failing it
   * @param readsFiles false when a call can neither read a file nor probe the tree (pure functions,
   *     and Terragrunt's functions of the unit's paths and environment), so evaluating it records
   *     no read
   */
  record Entry(BuiltinFunction function, boolean acceptsNestedUnknowns, boolean failureIsUnknown, boolean readsFiles) {

    /**
     * True for Terraform's pure functions, which use their arguments only: they read no file and
     * probe nothing (their {@link Invocation} carries no context).
     */
    boolean pure() {
      return failureIsUnknown;
    }
  }

  /**
   * Real Terraform, OpenTofu and Terragrunt functions that are not evaluated here: they need the
   * outside world, are impure, or are not implemented. A call gives an unknown value and a
   * diagnostic; any other unregistered name is an error, as in Terragrunt.
   */
  static final Set<String> UNSUPPORTED = Set.of(
      // impure or time-dependent
      "timestamp", "uuid", "bcrypt", "plantimestamp",
      // secrets and sensitivity
      "rsadecrypt", "sensitive", "nonsensitive", "issensitive", "ephemeralasnull",
      // the file system outside the snapshot model, or not yet tracked as reads
      "fileset", "filebase64", "filebase64sha256", "filebase64sha512", "filemd5", "filesha1",
      "filesha256", "filesha512", "templatefile", "pathexpand", "templatestring",
      // output depends on Go's deflate implementation, which is not reproduced byte for byte
      "base64gzip",
      // legacy or removed
      "list", "map", "defaults",
      // Terragrunt: the outside world
      "run_cmd", "get_aws_account_alias", "get_aws_account_id", "get_aws_caller_identity_arn",
      "get_aws_caller_identity_user_id", "get_terraform_command", "get_terraform_cli_args",
      "get_terraform_commands_that_need_vars", "get_terraform_commands_that_need_locking",
      "get_terraform_commands_that_need_input", "get_terraform_commands_that_need_parallelism",
      "sops_decrypt_file", "get_terragrunt_source_cli_flag", "get_default_retryable_errors",
      "read_tfvars_file", "get_working_dir", "mark_glob_as_read", "constraint_check",
      "get_platform", "deep_merge", "timecmp", "formatdate", "timeadd");

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
    entries.put(name, new Entry(function, false, false, true));
  }

  /**
   * Registers a function of the unit's paths and environment only (it reads no file and probes
   * nothing), strict on unknowns.
   */
  void contextual(String name, BuiltinFunction function) {
    entries.put(name, new Entry(function, false, false, false));
  }

  /** Registers a function that handles unknown elements inside its arguments itself. */
  void lenient(String name, BuiltinFunction function) {
    entries.put(name, new Entry(function, true, false, true));
  }

  /** Registers a pure Terraform function (see {@link Entry#failureIsUnknown()}), strict on unknowns. */
  void terraform(String name, BuiltinFunction function) {
    entries.put(name, new Entry(function, false, true, false));
  }

  /** Registers a pure Terraform function that handles unknown elements itself. */
  void terraformLenient(String name, BuiltinFunction function) {
    entries.put(name, new Entry(function, true, true, false));
  }

  /** The function with this name, or null when it is not supported. */
  Entry get(String name) {
    return entries.get(name);
  }
}
