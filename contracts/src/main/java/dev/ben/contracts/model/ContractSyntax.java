package dev.ben.contracts.model;

import java.math.BigDecimal;

/**
 * Model values written back as a contract writes them, so what is shown of a compiled contract
 * reads like the sources it came from: text quoted and escaped, numbers without a needless
 * fraction.
 */
public final class ContractSyntax {

  private ContractSyntax() {}

  /** {@code "a \"b\""}: quoted, with backslashes and quotes escaped. */
  public static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Whole numbers without a fraction ({@code 20}, not {@code 20.0}); others in plain decimal. */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Text literals quoted as in contracts; numbers and booleans as written. */
  public static String literal(Literal literal) {
    if (literal instanceof Literal.Text text) {
      return quote(text.value());
    }
    if (literal instanceof Literal.Real real) {
      return number(real.value());
    }
    return literal.text();
  }
}
