package io.tglive.config;

/** A built-in function of the configuration language. */
@FunctionalInterface
interface BuiltinFunction {

  /** The result; unknown arguments have already been handled according to the registration. */
  Value call(Invocation call);
}
