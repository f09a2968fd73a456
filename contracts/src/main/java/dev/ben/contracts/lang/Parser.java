package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import dev.ben.contracts.lang.TokenCursor.GiveUp;
import dev.ben.contracts.lang.TokenCursor.ParseError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one {@code *.ben} file. Never throws on user input: errors are reported to the diagnostics
 * and the parser resynchronises at the next declaration or block item, so one mistake does not hide
 * the next.
 */
public final class Parser {
  static final List<String> TOP_LEVEL =
      List.of(
          "import",
          "schema",
          "list",
          "event_type",
          "policy",
          "detector",
          "signal",
          "playbook",
          "pipeline");

  private final TokenCursor cursor;
  private final Syntax syntax;

  private Parser(TokenCursor cursor) {
    this.cursor = cursor;
    this.syntax = new Syntax(cursor);
  }

  /** Lexes and parses a file; problems go to {@code diagnostics}. */
  public static BenFile parse(SourceFile file, Diagnostics diagnostics) {
    Lexer.Result lexed = Lexer.lex(file, diagnostics);
    Parser parser = new Parser(new TokenCursor(lexed.tokens(), diagnostics));
    List<BenFile.Import> imports = new ArrayList<>();
    List<Decl> decls = new ArrayList<>();
    parser.file(imports, decls);
    return new BenFile(file, imports, decls, lexed.comments());
  }

  private void file(List<BenFile.Import> imports, List<Decl> decls) {
    try {
      while (!cursor.atEnd()) {
        int start = cursor.position();
        try {
          topLevel(imports, decls);
        } catch (ParseError error) {
          cursor.recover(TOP_LEVEL, start);
        }
      }
    } catch (GiveUp tooComplex) {
      Span at = cursor.previous().span();
      cursor
          .diagnostics()
          .error(
              at,
              "the parser stopped here: the input is too malformed to continue",
              "fix the errors above and build again");
    }
  }

  private void topLevel(List<BenFile.Import> imports, List<Decl> decls) {
    Token start = cursor.peek();
    if (!start.is(TokenKind.IDENT) || !TOP_LEVEL.contains(start.text())) {
      throw cursor.fail(
          "expected a declaration ("
              + String.join(", ", TOP_LEVEL)
              + "), found "
              + start.describe(),
          Syntax.keywordHint(start, TOP_LEVEL));
    }
    cursor.advance();
    switch (start.text()) {
      case "import" ->
          imports.add(
              new BenFile.Import(syntax.string("with the file to import"), cursor.spanFrom(start)));
      case "schema" -> decls.add(schema(start));
      case "list" -> decls.add(list(start));
      case "event_type" -> decls.add(eventType(start));
      case "signal" -> decls.add(signal(start));
      case "policy" -> decls.add(new PolicyParser(cursor, syntax).policy(start));
      case "detector" -> decls.add(new DetectorParser(cursor, syntax).detector(start));
      case "playbook" -> decls.add(new PlaybookParser(cursor, syntax).playbook(start));
      default -> decls.add(new PipelineParser(cursor, syntax).pipeline(start));
    }
  }

  private SchemaDecl schema(Token start) {
    Ident name = cursor.ident("a schema name");
    Ident version = version();
    Ident[] table = new Ident[1];
    List<List<Ident>> key = new ArrayList<>();
    Span[] keySpan = new Span[1];
    List<Ident> orderBy = new ArrayList<>();
    List<SchemaDecl.FieldDecl> fields = new ArrayList<>();
    List<String> items = List.of("table", "key", "order_by", "fields");
    syntax.block(
        "schema `" + name.name() + "`",
        items,
        true,
        item -> {
          switch (item.text()) {
            case "table" -> table[0] = cursor.ident("a table name");
            case "key" -> {
              key.add(cursor.identList("key fields"));
              keySpan[0] = cursor.spanFrom(item);
            }
            case "order_by" -> orderBy.addAll(cursor.identList("order_by fields"));
            default ->
                syntax.block("fields", List.of(), false, field -> fields.add(syntax.field(field)));
          }
        });
    return new SchemaDecl(
        name,
        version,
        table[0],
        key.isEmpty() ? null : key.get(0),
        keySpan[0],
        orderBy,
        fields,
        cursor.spanFrom(start));
  }

  /**
   * Any single token is taken as the version so that a malformed one does not lose the whole
   * schema.
   */
  private Ident version() {
    Token token = cursor.peek();
    if (token.is(TokenKind.IDENT) || token.is(TokenKind.INT) || token.is(TokenKind.FLOAT)) {
      cursor.advance();
      return new Ident(token.text(), token.span());
    }
    throw cursor.missing("expected a schema version such as `v1`, found " + token.describe());
  }

  private ListDecl list(Token start) {
    Ident name = cursor.ident("a list name");
    cursor.expect(
        TokenKind.COLON, "after the list name (lists are typed: `list name: string = [..]`)");
    TypeRef type = syntax.type();
    cursor.expect(TokenKind.ASSIGN, "before the list's values");
    if (cursor.atWord("file")) {
      cursor.advance();
      cursor.expect(TokenKind.LPAREN, "after `file`");
      Literal.Str path = syntax.string("with the list file's path");
      cursor.expect(TokenKind.RPAREN, "after the list file's path");
      return new ListDecl(name, type, null, path, cursor.spanFrom(start));
    }
    List<Literal> values = syntax.literalList("list values");
    return new ListDecl(name, type, values, null, cursor.spanFrom(start));
  }

  private EventTypeDecl eventType(Token start) {
    Ident name = cursor.ident("an event type name");
    cursor.expect(
        TokenKind.ASSIGN,
        "after the event type name (`event_type name = file(\"schemas/name.json\")`)");
    if (!cursor.atWord("file")) {
      throw cursor.missing(
          "expected `file(\"...\")` with the event type's JSON Schema, found "
              + cursor.peek().describe());
    }
    cursor.advance();
    cursor.expect(TokenKind.LPAREN, "after `file`");
    Literal.Str path = syntax.string("with the JSON Schema file's path");
    cursor.expect(TokenKind.RPAREN, "after the JSON Schema file's path");
    return new EventTypeDecl(name, path, cursor.spanFrom(start));
  }

  private SignalDecl signal(Token start) {
    Ident name = cursor.ident("a signal name");
    List<SchemaDecl.FieldDecl> args = new ArrayList<>();
    syntax.block(
        "signal `" + name.name() + "`", List.of(), false, arg -> args.add(syntax.field(arg)));
    return new SignalDecl(name, args, cursor.spanFrom(start));
  }
}
