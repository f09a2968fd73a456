package dev.ben.contracts.check;

import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.Optional;
import java.util.Set;

/** Checks a redaction: the field, the operation, its argument, and that it fits the field's type. */
final class RedactionChecks {

  private static final Set<String> OPS =
      Set.of("mask_all", "mask_prefix", "mask_suffix", "truncate", "hash", "generalize_ip", "drop");
  private static final Set<String> NEED_COUNT = Set.of("mask_prefix", "mask_suffix", "truncate");

  private RedactionChecks() {}

  static void check(Ast.Redaction r, SchemaView schema, CheckContext c) {
    Optional<FieldType.Resolved> type = schema.field(r.field(), c.d);
    String op = r.op().text();
    if (!OPS.contains(op)) {
      c.error(r.op().span(), "unknown redaction `" + op + "`", Optional.ofNullable(Suggestions.didYouMean(op, OPS))
          .orElse("redactions are mask_all, mask_prefix(n), mask_suffix(n), truncate(n), hash, hash(keyed), "
              + "generalize_ip(prefix) and drop"));
      return;
    }
    if (NEED_COUNT.contains(op) || op.equals("generalize_ip")) {
      if (r.argument().isEmpty()) {
        c.error(r.op().span(), "`" + op + "` needs a number", "write `" + op + "(4)`");
        return;
      }
    } else if (op.equals("hash")) {
      r.argument().filter(a -> !a.text().equals("keyed")).ifPresent(a -> c.error(a.span(),
          "`hash` takes no argument or `keyed`", "write `hash` (SHA-256) or `hash(keyed)` (HMAC with the deployment key)"));
    } else if (r.argument().isPresent()) {
      c.error(r.argument().get().span(), "`" + op + "` takes no argument", null);
    }
    if (type.isEmpty()) {
      return;
    }
    FieldType scalar = type.get().scalar();
    if (NEED_COUNT.contains(op) || op.equals("mask_all")) {
      if (!scalar.textual()) {
        c.error(r.op().span(), "`" + op + "` works on text but `" + r.field().text() + "` is " + scalar.keyword(),
            "use `hash` or `drop` for other types");
      } else {
        r.argument().ifPresent(a -> c.intIn(a, 0, 1_000_000, "the number of characters"));
      }
    } else if (op.equals("generalize_ip")) {
      if (!scalar.ip()) {
        c.error(r.op().span(), "`generalize_ip` needs an ipv4 or ipv6 field but `" + r.field().text() + "` is "
            + scalar.keyword(), null);
      } else {
        c.intIn(r.argument().get(), 0, scalar == FieldType.IPV4 ? 32 : 128, "the prefix length");
      }
    }
  }
}
