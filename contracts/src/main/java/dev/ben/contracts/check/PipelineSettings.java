package dev.ben.contracts.check;

import dev.ben.contracts.lang.Ast;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a pipeline's sidecar, proxy, spine and store settings. */
final class PipelineSettings {

  private PipelineSettings() {}

  static void check(Ast.Pipeline p, CheckContext c, Set<String> overloadPolicies) {
    for (Ast.Setting s : p.sidecar()) {
      switch (s.key().text()) {
        case "http" -> s.value().ifPresent(v -> c.error(v.span(), "`http` takes no value", null));
        case "uds" -> require(s, c, Ast.Literal.Kind.STRING, "a socket file name in quotes");
        case "tcp" -> require(s, c, Ast.Literal.Kind.INT, "a port").ifPresent(v -> c.intIn(v, 1, 65535, "the port"));
        default -> unknown(s, c, "sidecar", "http, uds \"name.sock\" and tcp PORT");
      }
    }
    Map<String, Double> proxy = new HashMap<>();
    for (Ast.Setting s : p.proxy()) {
      switch (s.key().text()) {
        case "buffer" -> require(s, c, Ast.Literal.Kind.INT, "a size")
            .ifPresent(v -> proxy.put("buffer", (double) c.intIn(v, 1, 10_000_000, "the buffer")));
        case "coalesce" -> require(s, c, Ast.Literal.Kind.INT, "a batch size")
            .ifPresent(v -> c.intIn(v, 1, 100_000, "coalesce"));
        case "high_watermark", "low_watermark" -> s.value().flatMap(v -> c.number(v, "`" + s.key().text() + "`"))
            .ifPresentOrElse(v -> {
              if (v < 0 || v > 1) {
                c.error(s.value().get().span(), "`" + s.key().text() + "` is a fraction of the buffer from 0 to 1", null);
              }
              proxy.put(s.key().text(), v);
            }, () -> missing(s, c, "a fraction such as 0.8"));
        case "overload" -> require(s, c, Ast.Literal.Kind.WORD, "a policy")
            .filter(v -> !overloadPolicies.contains(v.text())).ifPresent(v -> c.error(v.span(),
                "unknown overload policy `" + v.text() + "`", "use backpressure, shed_oldest, shed_newest or sample"));
        default -> unknown(s, c, "proxy", "buffer, high_watermark, low_watermark, overload and coalesce");
      }
    }
    if (proxy.containsKey("high_watermark") && proxy.containsKey("low_watermark")
        && proxy.get("low_watermark") >= proxy.get("high_watermark")) {
      p.proxy().stream().filter(s -> s.key().text().equals("low_watermark")).findFirst().ifPresent(s -> c.error(
          s.value().get().span(), "the low watermark must be below the high watermark", null));
    }
    p.spines().ifPresent(v -> c.intIn(v, 1, 64, "the number of spines"));
    for (Ast.Setting s : p.store()) {
      switch (s.key().text()) {
        case "table" -> require(s, c, Ast.Literal.Kind.WORD, "a table name");
        case "replica" -> require(s, c, Ast.Literal.Kind.WORD, "on or off")
            .filter(v -> !v.text().equals("on") && !v.text().equals("off"))
            .ifPresent(v -> c.error(v.span(), "`replica` is on or off, not `" + v.text() + "`", null));
        default -> unknown(s, c, "store", "table and replica");
      }
    }
  }

  private static Optional<Ast.Literal> require(Ast.Setting s, CheckContext c, Ast.Literal.Kind kind, String what) {
    if (s.value().isEmpty()) {
      missing(s, c, what);
      return Optional.empty();
    }
    if (s.value().get().kind() != kind) {
      c.error(s.value().get().span(), "`" + s.key().text() + "` needs " + what + ", got `"
          + s.value().get().span().text() + "`", null);
      return Optional.empty();
    }
    return s.value();
  }

  private static void missing(Ast.Setting s, CheckContext c, String what) {
    c.error(s.key().span(), "`" + s.key().text() + "` needs " + what, null);
  }

  private static void unknown(Ast.Setting s, CheckContext c, String block, String known) {
    c.error(s.key().span(), "unknown " + block + " setting `" + s.key().text() + "`", block + " settings are " + known);
  }
}
