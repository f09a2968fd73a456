package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.engine.bitspec.FuzzyText;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.ListDecl;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.Pred;
import dev.ben.contracts.lang.TokenKind;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Type rules for predicate tests on one field: which operators apply to which types, and their
 * operands.
 */
final class FieldTests {
  private final CheckContext context;
  private final Diagnostics diagnostics;

  FieldTests(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  void check(Pred pred, Ident field, BenType type) {
    if (pred instanceof Pred.Compare compare && compare.value() instanceof Literal.Null) {
      nullTest(compare, field, type);
      return;
    }
    if (type.isArray()) {
      diagnostics.error(
          field.span(),
          "field `"
              + field.name()
              + "` is an array (`"
              + type.spelling()
              + "`); predicates test single values",
          "test a scalar field instead");
      return;
    }
    Prim prim = type.prim();
    String where = "for field `" + field.name() + "`";
    if (pred instanceof Pred.Compare compare) {
      if (compare.op() != TokenKind.EQ && compare.op() != TokenKind.NE) {
        requireOrdered(field, prim, compare.op().description());
      }
      context.literals.value(compare.value(), prim, where);
    } else if (pred instanceof Pred.Between between) {
      between(between, field, prim, where);
    } else if (pred instanceof Pred.InList in) {
      inList(field, prim, in.list());
    } else if (pred instanceof Pred.InValues in) {
      in.values().forEach(value -> context.literals.value(value, prim, where));
    } else if (pred instanceof Pred.InCidr in) {
      cidr(in, field, prim);
    } else if (pred instanceof Pred.Text text) {
      text(text, field, prim);
    } else if (pred instanceof Pred.Fuzzy fuzzy) {
      fuzzy(fuzzy, field, prim);
    } else if (pred instanceof Pred.Modulo modulo) {
      modulo(modulo, field, prim);
    }
  }

  private void nullTest(Pred.Compare compare, Ident field, BenType type) {
    if (compare.op() != TokenKind.EQ && compare.op() != TokenKind.NE) {
      diagnostics.error(compare.value().span(), "`null` can only be compared with `==` or `!=`");
    } else if (!type.isOptional()) {
      diagnostics.warning(
          compare.value().span(),
          "field `"
              + field.name()
              + "` is `"
              + type.spelling()
              + "`, never null, so this test is constant",
          "declare it as `" + type.spelling() + "?` if it may be " + "missing");
    }
  }

  private boolean requireOrdered(Ident field, Prim prim, String op) {
    if (prim.isOrdered()) {
      return true;
    }
    diagnostics.error(
        field.span(),
        "operator "
            + op
            + " cannot be applied to `"
            + prim.spelling()
            + "` field `"
            + field.name()
            + "`",
        "ordering works on numbers and timestamps; use `==`, `!=` or `in`");
    return false;
  }

  private void between(Pred.Between between, Ident field, Prim prim, String where) {
    if (!requireOrdered(field, prim, "`between`")) {
      return;
    }
    Object low = context.literals.value(between.low(), prim, where);
    Object high = context.literals.value(between.high(), prim, where);
    if (low != null && high != null && Values.compare(low, high) > 0) {
      diagnostics.error(
          between.span(),
          "empty range: " + between.low().source() + " is above " + between.high().source(),
          "write the lower bound first");
    }
  }

  private void inList(Ident field, Prim prim, Ident listRef) {
    ListDecl decl = context.symbols.resolve(ListDecl.class, "list", listRef);
    ListValues list = decl == null ? null : context.lists.get(decl.name().name());
    if (list != null && !list.elementType().comparableWith(prim)) {
      diagnostics.error(
          listRef.span(),
          "list `"
              + listRef.name()
              + "` holds `"
              + list.elementType().spelling()
              + "` values but field `"
              + field.name()
              + "` is `"
              + prim.spelling()
              + "`");
    }
  }

  private void cidr(Pred.InCidr in, Ident field, Prim prim) {
    if (!prim.isIp()) {
      diagnostics.error(
          field.span(),
          "`in cidr(..)` needs an ipv4 or ipv6 field, but `"
              + field.name()
              + "` is `"
              + prim.spelling()
              + "`");
      return;
    }
    for (Literal.Str block : in.blocks()) {
      String problem = NetworkLiterals.cidrProblem(block.value(), prim == Prim.IPV6);
      if (problem != null) {
        diagnostics.error(
            block.span(), problem, "write ADDRESS/PREFIX, e.g. \"10.0.0.0/8\" or \"fd00::/8\"");
      }
    }
  }

  private void text(Pred.Text text, Ident field, Prim prim) {
    if (prim != Prim.STRING) {
      diagnostics.error(
          field.span(),
          "`"
              + text.op().name()
              + "` needs a string field, but `"
              + field.name()
              + "` is `"
              + prim.spelling()
              + "`");
      return;
    }
    if (text.op().name().equals("matches")) {
      try {
        Pattern.compile(text.value().value());
      } catch (PatternSyntaxException bad) {
        diagnostics.error(
            text.value().span(),
            "invalid regex: "
                + bad.getDescription()
                + (bad.getIndex() >= 0 ? " near index " + bad.getIndex() : ""),
            "the syntax is Java's " + "java.util.regex; escape special characters with \\\\");
      }
    }
  }

  private void fuzzy(Pred.Fuzzy fuzzy, Ident field, Prim prim) {
    if (prim != Prim.STRING) {
      diagnostics.error(
          field.span(),
          "fuzzy matching `~` needs a string field, but `"
              + field.name()
              + "` is `"
              + prim.spelling()
              + "`");
    }
    ListDecl decl = context.symbols.resolve(ListDecl.class, "list", fuzzy.list());
    ListValues list = decl == null ? null : context.lists.get(decl.name().name());
    if (list != null && list.elementType() != Prim.STRING) {
      diagnostics.error(
          fuzzy.list().span(),
          "fuzzy matching needs a list of strings, but `"
              + list.name()
              + "` holds `"
              + list.elementType().spelling()
              + "`");
    }
    context.literals.integerIn(fuzzy.distance(), 0, FuzzyText.MAX_DISTANCE, "the edit distance");
  }

  private void modulo(Pred.Modulo modulo, Ident field, Prim prim) {
    if (!prim.isInteger()) {
      diagnostics.error(
          field.span(),
          "`%` needs an integer field, but `" + field.name() + "` is `" + prim.spelling() + "`");
      return;
    }
    Long modulus = context.literals.integerIn(modulo.modulus(), 1, Long.MAX_VALUE, "the modulus");
    if (modulus != null) {
      context.literals.integerIn(
          modulo.remainder(), 0, modulus - 1, "the remainder of `% " + modulus + "`");
    }
  }
}
