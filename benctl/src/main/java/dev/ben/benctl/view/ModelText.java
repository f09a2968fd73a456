package dev.ben.benctl.view;

import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Literal;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.SchemaField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Compiled model values written back in contract syntax ({@code 5m}, {@code string?}, {@code
 * mask_suffix(4)}), so what inspect shows reads like the sources it came from.
 */
final class ModelText {

  private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
  private static final String[] UNIT_NAMES = {"d", "h", "m", "s"};

  private ModelText() {}

  /** {@code string}, {@code string?} or {@code [u32]}. */
  static String type(SchemaField field) {
    String type = field.type().name().toLowerCase(Locale.ROOT);
    return (field.array() ? "[" + type + "]" : type) + (field.optional() ? "?" : "");
  }

  /** The largest whole unit: {@code 300000} is {@code 5m}, {@code 1500} is {@code 1500ms}. */
  static String duration(long millis) {
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      if (millis > 0 && millis % UNIT_MILLIS[i] == 0) {
        return millis / UNIT_MILLIS[i] + UNIT_NAMES[i];
      }
    }
    return millis + "ms";
  }

  /** Whole numbers without a fraction ({@code 20}, not {@code 20.0}); others in plain decimal. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Text literals quoted as in contracts; numbers and booleans as written. */
  static String literal(Literal literal) {
    if (literal instanceof Literal.Text text) {
      return quote(text.value());
    }
    if (literal instanceof Literal.Real real) {
      return number(real.value());
    }
    return literal.text();
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String op(CompareOp op) {
    return switch (op) {
      case EQ -> "==";
      case NE -> "!=";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }

  static String list(List<String> names) {
    return "[" + String.join(", ", names) + "]";
  }

  static String redaction(RedactOp op) {
    if (op instanceof RedactOp.MaskPrefix prefix) {
      return "mask_prefix(" + prefix.keep() + ")";
    }
    if (op instanceof RedactOp.MaskSuffix suffix) {
      return "mask_suffix(" + suffix.keep() + ")";
    }
    if (op instanceof RedactOp.Truncate truncate) {
      return "truncate(" + truncate.length() + ")";
    }
    if (op instanceof RedactOp.GeneralizeIp generalize) {
      return "generalize_ip(" + generalize.prefix() + ")";
    }
    if (op instanceof RedactOp.HashKeyed) {
      return "hash(keyed)";
    }
    if (op instanceof RedactOp.Hash) {
      return "hash";
    }
    return op instanceof RedactOp.Drop ? "drop" : "mask_all";
  }

  /**
   * The feature's definition as a detector line, without its name ({@code count over 5m where
   * failed_burst}).
   */
  static String feature(Feature feature) {
    if (feature instanceof Feature.Window window) {
      String fn = window.fn().name().toLowerCase(Locale.ROOT);
      String text =
          (window.field() == null ? fn : fn + " " + window.field())
              + " over "
              + duration(window.windowMillis());
      return window.where() == null ? text : text + " where " + window.where();
    }
    if (feature instanceof Feature.TtlCounter counter) {
      return "ttl_counter ttl "
          + duration(counter.ttlMillis())
          + " incr on "
          + counter.incrementOn();
    }
    if (feature instanceof Feature.Ewma ewma) {
      return "ewma " + ewma.field() + " alpha " + number(ewma.alpha());
    }
    if (feature instanceof Feature.Cusum cusum) {
      return "cusum " + cusum.field() + " k " + number(cusum.k()) + " h " + number(cusum.h());
    }
    var anomaly = (Feature.Anomaly) feature;
    return "anomaly on " + anomaly.field() + " window " + anomaly.window();
  }

  /**
   * The aggregate of a window ({@code count}, {@code sum}, ...), else {@code ttl_counter}, {@code
   * ewma}, ....
   */
  static String featureKind(Feature feature) {
    if (feature instanceof Feature.Window window) {
      return window.fn().name().toLowerCase(Locale.ROOT);
    }
    if (feature instanceof Feature.TtlCounter) {
      return "ttl_counter";
    }
    return feature.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
