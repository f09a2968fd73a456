package dev.ben.contracts.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a JSON tree as canonical bytes: object keys sorted by UTF-16 code units at every depth,
 * no insignificant whitespace, numbers rendered from their value alone and strings escaped
 * minimally, UTF-8. Fingerprints and signatures are computed over these bytes, so two producers
 * that build equal trees in different orders, or with numbers of different Java types, always
 * agree.
 */
public final class CanonicalJson {

  /**
   * Adjusted exponents inside this range render as plain decimals; outside it, in scientific form.
   */
  private static final int PLAIN_MIN_EXPONENT = -7;

  private static final int PLAIN_MAX_EXPONENT = 21;

  private CanonicalJson() {}

  /**
   * The canonical UTF-8 bytes of {@code node}; refuses values JSON cannot carry (NaN, infinities,
   * binary).
   */
  public static byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical text of {@code node}. */
  public static String text(JsonNode node) {
    var out = new StringBuilder(256);
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case NULL, MISSING -> out.append("null");
      case BOOLEAN -> out.append(node.booleanValue());
      case NUMBER -> out.append(number(node));
      case STRING -> string(node.textValue(), out);
      case ARRAY -> array(node, out);
      case OBJECT -> object(node, out);
      case BINARY, POJO ->
          throw new IllegalArgumentException(
              "canonical JSON cannot hold a "
                  + node.getNodeType()
                  + " node; convert it to text first");
    }
  }

  private static void array(JsonNode node, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < node.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(node.get(i), out);
    }
    out.append(']');
  }

  private static void object(JsonNode node, StringBuilder out) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
    fields.sort(Map.Entry.comparingByKey());
    out.append('{');
    boolean first = true;
    for (var field : fields) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(field.getKey(), out);
      out.append(':');
      write(field.getValue(), out);
    }
    out.append('}');
  }

  /**
   * Renders by value: 2, 2.0 and 2.00 all become {@code 2}; very large or small magnitudes use
   * {@code 1E+30}.
   */
  static String number(JsonNode node) {
    if (node.isFloat()) {
      // Float.toString is the shortest decimal for the float itself, not for its widening to
      // double.
      return render(new BigDecimal(Float.toString(node.floatValue())));
    }
    if (node.isDouble()) {
      double value = node.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            "canonical JSON cannot hold " + value + "; JSON has no such number");
      }
      // Double.toString gives the shortest decimal that round-trips, so the rendering is stable.
      return render(new BigDecimal(Double.toString(value)));
    }
    if (node.isIntegralNumber()) {
      return render(new BigDecimal(node.bigIntegerValue()));
    }
    return render(node.decimalValue());
  }

  private static String render(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    int adjustedExponent = stripped.precision() - stripped.scale() - 1;
    if (adjustedExponent > PLAIN_MIN_EXPONENT && adjustedExponent < PLAIN_MAX_EXPONENT) {
      return stripped.toPlainString();
    }
    // BigDecimal.toString is a pure function of the value once trailing zeros are stripped.
    return stripped.toString();
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(value, i)) {
            // Lone surrogates cannot be encoded as UTF-8; escaping keeps them lossless and stable.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String value, int index) {
    char c = value.charAt(index);
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(index + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return index == 0 || !Character.isHighSurrogate(value.charAt(index - 1));
    }
    return false;
  }
}
