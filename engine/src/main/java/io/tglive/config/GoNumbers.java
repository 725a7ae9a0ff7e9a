package io.tglive.config;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Go's {@code big.Float} text formats ({@code %e %E %f %g %G}) over exact decimals: a number is a
 * digit string {@code mant} and an exponent {@code exp} with value {@code 0.mant × 10^exp}, rounded
 * half to even on the decimal digits, as Go's {@code decimal.round} does.
 */
final class GoNumbers {

  private GoNumbers() {}

  /** A decimal mantissa without trailing zeros (empty for zero) and its exponent. */
  private static final class Decimal {
    String mant;
    int exp;

    Decimal(BigDecimal nonNegative) {
      if (nonNegative.signum() == 0) {
        mant = "";
        exp = 0;
        return;
      }
      BigDecimal stripped = nonNegative.stripTrailingZeros();
      mant = stripped.unscaledValue().toString();
      exp = mant.length() - stripped.scale();
    }

    /** Rounds to {@code n} significant digits. */
    void round(int n) {
      if (n < 0 || n >= mant.length()) {
        if (n < 0) {
          mant = "";
        }
        return;
      }
      boolean up;
      if (mant.charAt(n) == '5' && n + 1 == mant.length()) {
        up = n > 0 && (mant.charAt(n - 1) - '0') % 2 != 0;
      } else {
        up = mant.charAt(n) >= '5';
      }
      if (!up) {
        mant = trim(mant.substring(0, n));
        return;
      }
      char[] digits = mant.substring(0, n).toCharArray();
      int i = n - 1;
      while (i >= 0 && digits[i] == '9') {
        i--;
      }
      if (i < 0) {
        mant = "1";
        exp++;
        return;
      }
      digits[i]++;
      mant = trim(new String(digits, 0, i + 1));
    }

    char at(int i) {
      return i >= 0 && i < mant.length() ? mant.charAt(i) : '0';
    }

    private static String trim(String s) {
      int end = s.length();
      while (end > 0 && s.charAt(end - 1) == '0') {
        end--;
      }
      return s.substring(0, end);
    }
  }

  /** {@code big.Float.Text('g', -1)}: the shortest digits, {@code %e} style for exponents below -4 or from 6 on. */
  static String shortestG(BigDecimal value) {
    String body = format(value.abs(), 'g', -1);
    return value.signum() < 0 ? "-" + body : body;
  }

  /**
   * {@code big.Float.Append(mode, precision)} of a non-negative number, {@code precision < 0}
   * meaning "shortest" for {@code g}/{@code G} and 6 for {@code e}/{@code E}/{@code f}.
   */
  static String format(BigDecimal nonNegative, char mode, int precision) {
    boolean shortestForm = precision < 0 && (mode == 'g' || mode == 'G');
    Decimal d = new Decimal(shortestForm ? nonNegative : binary512(nonNegative));
    char fmt = mode;
    int prec = precision;
    boolean shortest = false;
    if (prec < 0 && (fmt == 'g' || fmt == 'G')) {
      shortest = true;
      prec = d.mant.length();
    } else {
      if (prec < 0) {
        prec = 6;
      }
      switch (fmt) {
        case 'e', 'E' -> d.round(1 + prec);
        case 'f' -> d.round(d.exp + prec);
        default -> {
          if (prec == 0) {
            prec = 1;
          }
          d.round(prec);
        }
      }
    }
    switch (fmt) {
      case 'e', 'E':
        return fmtE(fmt, prec, d);
      case 'f':
        return fmtF(prec, d);
      default:
        int eprec = prec;
        if (eprec > d.mant.length() && d.mant.length() >= d.exp) {
          eprec = d.mant.length();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = d.exp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > d.mant.length()) {
            prec = d.mant.length();
          }
          return fmtE(fmt == 'g' ? 'e' : 'E', prec - 1, d);
        }
        if (prec > d.exp) {
          prec = d.mant.length();
        }
        return fmtF(Math.max(prec - d.exp, 0), d);
    }
  }

  /**
   * The exact value of the nearest 512-bit binary float (cty's number precision, rounded to nearest
   * even), so rounding to a requested precision sees what Go sees: {@code 2.675} is stored as
   * {@code 2.67499999...} and {@code %.2f} gives {@code 2.67}. Very large or tiny exponents, where
   * the expansion would be huge, keep the decimal.
   */
  static BigDecimal binary512(BigDecimal nonNegative) {
    if (nonNegative.signum() == 0) {
      return nonNegative;
    }
    BigDecimal v = nonNegative.stripTrailingZeros();
    if (v.scale() <= 0 && v.toBigInteger().bitLength() <= 512) {
      return v;
    }
    long log2 = v.unscaledValue().bitLength() - Math.round(v.scale() * 3.321928094887362);
    if (Math.abs(log2) > 2000) {
      return v;
    }
    int s = (int) (512 - log2);
    for (int attempt = 0; attempt < 4; attempt++) {
      BigInteger m = scaleByPowerOfTwo(v, s).setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
      if (m.bitLength() > 512) {
        s--;
        continue;
      }
      if (m.bitLength() < 512) {
        s++;
        continue;
      }
      return scaleByPowerOfTwo(new BigDecimal(m), -s);
    }
    return v;
  }

  private static BigDecimal scaleByPowerOfTwo(BigDecimal v, int exponent) {
    if (exponent >= 0) {
      return v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)));
    }
    return v.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-exponent))).movePointLeft(-exponent);
  }

  private static String fmtE(char fmt, int prec, Decimal d) {
    StringBuilder buf = new StringBuilder();
    buf.append(d.mant.isEmpty() ? '0' : d.mant.charAt(0));
    if (prec > 0) {
      buf.append('.');
      int i = 1;
      int m = Math.min(d.mant.length(), prec + 1);
      if (i < m) {
        buf.append(d.mant, i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        buf.append('0');
      }
    }
    buf.append(fmt);
    long exp = d.mant.isEmpty() ? 0 : (long) d.exp - 1;
    buf.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      buf.append('0');
    }
    return buf.append(exp).toString();
  }

  private static String fmtF(int prec, Decimal d) {
    EvaluationBudget.checkString((long) Math.max(d.exp, 1) + prec);
    StringBuilder buf = new StringBuilder();
    if (d.exp > 0) {
      int m = Math.min(d.mant.length(), d.exp);
      buf.append(d.mant, 0, m);
      for (; m < d.exp; m++) {
        buf.append('0');
      }
    } else {
      buf.append('0');
    }
    if (prec > 0) {
      buf.append('.');
      for (int i = 0; i < prec; i++) {
        buf.append(d.at(d.exp + i));
      }
    }
    return buf.toString();
  }
}
