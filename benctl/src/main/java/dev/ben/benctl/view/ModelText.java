package dev.ben.benctl.view;

import dev.ben.contracts.model.ContractSyntax;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.SchemaField;
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
      return "ewma " + ewma.field() + " alpha " + ContractSyntax.number(ewma.alpha());
    }
    if (feature instanceof Feature.Cusum cusum) {
      return "cusum "
          + cusum.field()
          + " k "
          + ContractSyntax.number(cusum.k())
          + " h "
          + ContractSyntax.number(cusum.h());
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
