package io.tglive.config;

import io.tglive.config.Value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Terraform's numeric functions; results are exact decimals where cty's are exact. */
final class NumericFunctions {

  private NumericFunctions() {}

  static void register(FunctionTable t) {
    t.terraform("abs", c -> number(oneNumber(c).abs()));
    t.terraform("ceil", c -> number(new BigDecimal(oneNumber(c).setScale(0, RoundingMode.CEILING).toBigInteger())));
    t.terraform("floor", c -> number(new BigDecimal(oneNumber(c).setScale(0, RoundingMode.FLOOR).toBigInteger())));
    t.terraform("signum", c -> Value.number(oneNumber(c).signum()));
    t.terraform("max", c -> extreme(c, 1));
    t.terraform("min", c -> extreme(c, -1));
    t.terraform("sum", c -> {
      c.expectArgs(1, 1);
      List<Value> list = c.elements(0);
      if (list.isEmpty()) {
        throw c.argumentError(0, "cannot sum an empty list");
      }
      BigDecimal total = BigDecimal.ZERO;
      for (Value v : list) {
        if (!(v instanceof NumberValue n)) {
          // Terragrunt's sum (Terraform 0.15) crashes on anything but numbers; never guess a total.
          throw c.argumentError(0, "every element must be a number, not a " + v.typeName());
        }
        total = total.add(n.value());
      }
      return number(total);
    });
    t.terraform("pow", c -> {
      c.expectArgs(2, 2);
      BigDecimal base = c.number(0);
      BigDecimal exponent = c.number(1);
      try {
        int n = exponent.intValueExact();
        if (Math.abs(n) <= 10_000 && (base.abs().compareTo(BigDecimal.ONE) <= 0 || Math.abs(n) * (long) base.precision() <= 100_000)) {
          return number(n >= 0 ? base.pow(n) : BigDecimal.ONE.divide(base.pow(-n), MathContext.DECIMAL128));
        }
      } catch (ArithmeticException e) {
        // not a whole exponent: floating point, as cty does
      }
      double result = Math.pow(base.doubleValue(), exponent.doubleValue());
      if (Double.isNaN(result) || Double.isInfinite(result)) {
        throw c.error("the result is not a finite number");
      }
      return number(new BigDecimal(Double.toString(result)));
    });
    t.terraform("log", c -> {
      c.expectArgs(2, 2);
      double result = Math.log(c.number(0).doubleValue()) / Math.log(c.number(1).doubleValue());
      if (Double.isNaN(result) || Double.isInfinite(result)) {
        throw c.error("the result is not a finite number");
      }
      return number(new BigDecimal(Double.toString(result)));
    });
    t.terraform("parseint", c -> {
      c.expectArgs(2, 2);
      String s = c.string(0);
      int base = integer(c, 1);
      if (base < 2 || base > 62) {
        throw c.argumentError(1, "base must be a whole number between 2 and 62 inclusive");
      }
      String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
      if (digits.isEmpty() || base > 36) {
        throw c.argumentError(0, "cannot parse \"" + s + "\" as a base " + base + " integer");
      }
      try {
        BigInteger value = new BigInteger(digits, base);
        return number(new BigDecimal(s.startsWith("-") ? value.negate() : value));
      } catch (NumberFormatException e) {
        throw c.argumentError(0, "cannot parse \"" + s + "\" as a base " + base + " integer");
      }
    });
  }

  /** cty's {@code range(start?, limit, step?)}, with cty's limit of 1024 values. */
  static Value range(Invocation c) {
    c.expectArgs(1, 3);
    BigDecimal start = BigDecimal.ZERO;
    BigDecimal end;
    BigDecimal step = BigDecimal.ONE;
    if (c.args().size() == 1) {
      end = c.number(0);
      step = end.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
    } else {
      start = c.number(0);
      end = c.number(1);
      step = c.args().size() == 3
          ? c.number(2)
          : end.compareTo(start) < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
    }
    if (step.signum() == 0) {
      throw c.argumentError(2, "step must not be zero");
    }
    boolean down = step.signum() < 0;
    if (down && end.compareTo(start) > 0) {
      throw c.argumentError(1, "end must be less than start when step is negative");
    }
    if (!down && end.compareTo(start) < 0) {
      throw c.argumentError(1, "end must be greater than start when step is positive");
    }
    List<Value> out = new ArrayList<>();
    for (BigDecimal v = start; down ? v.compareTo(end) > 0 : v.compareTo(end) < 0; v = v.add(step)) {
      if (out.size() >= 1024) {
        throw c.error("more than 1024 values were generated; either decrease the difference between start"
            + " and end or use a smaller step");
      }
      out.add(number(v));
    }
    return Value.list(out);
  }

  /** An argument as a whole number that fits an int. */
  static int integer(Invocation c, int index) {
    BigDecimal n = c.number(index);
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw c.argumentError(index, "a whole number is required, not " + n.toPlainString());
    }
  }

  private static BigDecimal oneNumber(Invocation c) {
    c.expectArgs(1, 1);
    return c.number(0);
  }

  private static Value extreme(Invocation c, int sign) {
    c.expectArgs(1, Integer.MAX_VALUE);
    BigDecimal best = c.number(0);
    for (int i = 1; i < c.args().size(); i++) {
      BigDecimal n = c.number(i);
      if (n.compareTo(best) * sign > 0) {
        best = n;
      }
    }
    return number(best);
  }

  private static Value number(BigDecimal n) {
    return new NumberValue(n);
  }
}
