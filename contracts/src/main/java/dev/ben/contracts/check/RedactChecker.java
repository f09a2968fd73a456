package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PolicyDecl;
import java.util.List;

/** Checks redactions: a known operation, the argument it needs, and a field type it can work on. */
final class RedactChecker {
  static final List<String> OPERATIONS =
      List.of(
          "mask_all", "mask_prefix", "mask_suffix", "truncate", "hash", "generalize_ip", "drop");

  private final CheckContext context;
  private final Diagnostics diagnostics;
  private final SchemaScope scope;

  RedactChecker(CheckContext context, SchemaScope scope) {
    this.context = context;
    this.diagnostics = context.diagnostics;
    this.scope = scope;
  }

  void check(PolicyDecl.Redact redact) {
    String op = redact.op().name();
    if (!OPERATIONS.contains(op)) {
      diagnostics.error(
          redact.op().span(),
          "unknown redaction `"
              + op
              + "`; expected mask_all, mask_prefix(n), "
              + "mask_suffix(n), truncate(n), hash, hash(keyed), generalize_ip(prefix) or drop",
          DiagnosticRenderer.didYouMean(op, OPERATIONS));
      return;
    }
    BenType type = context.field(scope.schema(), redact.field());
    argument(redact, op, type);
    if (type == null) {
      return;
    }
    String field = redact.field().name();
    if (scope.schema().key().contains(field) && !op.equals("hash")) {
      diagnostics.error(
          redact.op().span(),
          "`" + op + "` would destroy key field `" + field + "`",
          "key fields can only be hashed (`hash` or `hash(keyed)`), which keeps them joinable");
    }
    boolean textual = op.startsWith("mask") || op.equals("truncate");
    if (textual && type.required().prim() != Prim.STRING) {
      diagnostics.error(
          redact.op().span(),
          "`" + op + "` works on strings, but `" + field + "` is `" + type.spelling() + "`",
          "use `hash` or `drop`");
    }
    if (op.equals("generalize_ip") && !type.required().prim().isIp()) {
      diagnostics.error(
          redact.op().span(),
          "`generalize_ip` needs an ipv4 or ipv6 field, but `"
              + field
              + "` is `"
              + type.spelling()
              + "`");
    }
  }

  private void argument(PolicyDecl.Redact redact, String op, BenType type) {
    Literal argument = redact.argument();
    switch (op) {
      case "mask_prefix", "mask_suffix", "truncate" -> {
        if (argument == null) {
          missing(redact, op + "(n)");
        } else {
          context.literals.integerIn(argument, 0, 1_000_000, "the length of `" + op + "`");
        }
      }
      case "generalize_ip" -> {
        if (argument == null) {
          missing(redact, "generalize_ip(24)");
        } else {
          int max = type != null && type.required().prim() == Prim.IPV6 ? 128 : 32;
          context.literals.integerIn(argument, 0, max, "the prefix length of `generalize_ip`");
        }
      }
      case "hash" -> {
        if (argument != null
            && !(argument instanceof Literal.Word word && word.value().equals("keyed"))) {
          diagnostics.error(
              argument.span(),
              "`hash` takes no argument or `keyed`, found `" + argument.source() + "`",
              "`hash(keyed)` uses the deployment's secret key (HMAC) so values cannot be guessed");
        }
      }
      default -> {
        if (argument != null) {
          diagnostics.error(
              argument.span(),
              "`" + op + "` takes no argument",
              "remove `(" + argument.source() + ")`");
        }
      }
    }
  }

  private void missing(PolicyDecl.Redact redact, String example) {
    diagnostics.error(
        redact.op().span(),
        "`" + redact.op().name() + "` needs an argument",
        "write `" + example + "`");
  }
}
