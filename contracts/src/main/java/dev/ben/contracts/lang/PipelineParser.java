package dev.ben.contracts.lang;

import dev.ben.contracts.lang.PipelineDecl.Setting;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code pipeline} declarations. */
final class PipelineParser {
  private static final List<String> ITEMS =
      List.of(
          "schemas", "policies", "detectors", "playbooks", "sidecar", "proxy", "spines", "store");

  private final TokenCursor cursor;
  private final Syntax syntax;

  PipelineParser(TokenCursor cursor, Syntax syntax) {
    this.cursor = cursor;
    this.syntax = syntax;
  }

  @SuppressWarnings("unchecked")
  PipelineDecl pipeline(Token start) {
    Ident name = cursor.ident("a pipeline name");
    List<Object> parts = new ArrayList<>(java.util.Collections.nCopies(ITEMS.size(), null));
    syntax.block(
        "pipeline `" + name.name() + "`",
        ITEMS,
        true,
        item -> {
          int index = ITEMS.indexOf(item.text());
          parts.set(
              index,
              switch (item.text()) {
                case "sidecar", "proxy", "store" -> settings(item.text());
                case "spines" -> syntax.number("for the number of spines");
                default -> cursor.identList(item.text());
              });
        });
    return new PipelineDecl(
        name,
        orEmpty(parts.get(0)),
        orEmpty(parts.get(1)),
        orEmpty(parts.get(2)),
        orEmpty(parts.get(3)),
        (List<Setting>) parts.get(4),
        (List<Setting>) parts.get(5),
        (Literal.Num) parts.get(6),
        (List<Setting>) parts.get(7),
        cursor.spanFrom(start));
  }

  @SuppressWarnings("unchecked")
  private static List<Ident> orEmpty(Object part) {
    return part == null ? List.of() : (List<Ident>) part;
  }

  /** {@code { key [value], ... }}; a value must be on the same line as its key. */
  private List<Setting> settings(String block) {
    List<Setting> settings = new ArrayList<>();
    syntax.block(
        "`" + block + "`",
        List.of(),
        false,
        key -> {
          Literal value = null;
          Token next = cursor.peek();
          boolean valueFollows =
              next.newlinesBefore() == 0
                  && !next.is(TokenKind.COMMA)
                  && !next.is(TokenKind.SEMI)
                  && !next.is(TokenKind.RBRACE)
                  && !next.is(TokenKind.EOF);
          if (valueFollows) {
            value = syntax.literal("for `" + key.text() + "`");
          }
          settings.add(new Setting(new Ident(key.text(), key.span()), value, cursor.spanFrom(key)));
        });
    return settings;
  }
}
