package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one file into an {@link Ast.Unit}. After a syntax error it skips to the next line that starts with a
 * declaration keyword, so every independent mistake is reported in one run. Every loop consumes a token or stops,
 * so the parser terminates on any input.
 */
public final class Parser extends TokenCursor {

  static final Set<String> DECLARATIONS =
      Set.of("import", "schema", "list", "policy", "detector", "signal", "playbook", "pipeline");

  private final SourceFile file;

  private Parser(SourceFile file, List<Token> tokens, Diagnostics diagnostics) {
    super(tokens, diagnostics);
    this.file = file;
  }

  public static Ast.Unit parse(SourceFile file, Diagnostics diagnostics) {
    return new Parser(file, new Lexer(file, diagnostics).tokens(), diagnostics).unit();
  }

  private Ast.Unit unit() {
    List<Ast.Import> imports = new ArrayList<>();
    List<Ast.Decl> decls = new ArrayList<>();
    while (!atKind(Token.Kind.EOF)) {
      int start = pos;
      try {
        if (at("import")) {
          advance();
          Token path = peek();
          Ast.Literal literal = literalOfKind(Ast.Literal.Kind.STRING, "a file name in double quotes");
          imports.add(new Ast.Import(literal.text(), path.span()));
        } else {
          decls.add(declaration());
        }
      } catch (SyntaxError e) {
        recover(start);
      }
    }
    return new Ast.Unit(file, imports, decls);
  }

  private Ast.Decl declaration() {
    Token keyword = peek();
    if (!DECLARATIONS.contains(keyword.text()) || keyword.kind() != Token.Kind.IDENT) {
      throw fail("expected a declaration (schema, list, policy, detector, signal, playbook, pipeline or import), "
          + "found " + keyword.describe(), null);
    }
    advance();
    return switch (keyword.text()) {
      case "schema" -> schema();
      case "list" -> valueList();
      case "policy" -> PolicySyntax.policy(this);
      case "detector" -> BehaviourSyntax.detector(this);
      case "playbook" -> BehaviourSyntax.playbook(this);
      case "signal" -> signal();
      default -> PipelineSyntax.pipeline(this);
    };
  }

  /** Skips to the next line that starts with a declaration keyword, always moving past at least one token. */
  private void recover(int start) {
    if (pos == start) {
      advance();
    }
    while (!atKind(Token.Kind.EOF)) {
      Token t = peek();
      if (t.kind() == Token.Kind.IDENT && DECLARATIONS.contains(t.text()) && t.span().column() == 1) {
        return;
      }
      advance();
    }
  }

  private Ast.Schema schema() {
    Ast.Name name = name("a schema name");
    Ast.Name version = name("a version such as v1");
    expect("{", "to open the schema");
    Optional<Ast.Name> table = Optional.empty();
    Optional<List<Ast.Name>> key = Optional.empty();
    List<Ast.Name> orderBy = List.of();
    List<Ast.Field> fields = new ArrayList<>();
    while (!accept("}")) {
      Ast.Name item = name("`table`, `key`, `order_by`, `fields` or `}`");
      switch (item.text()) {
        case "table" -> table = Optional.of(name("a table name"));
        case "key" -> key = Optional.of(nameList("key fields"));
        case "order_by" -> orderBy = nameList("order_by fields");
        case "fields" -> fields.addAll(fields());
        default -> {
          diagnostics.error(item.span(), "unknown schema item `" + item.text() + "`",
              "a schema has `table`, `key`, `order_by` and `fields`");
          throw new SyntaxError();
        }
      }
    }
    return new Ast.Schema(name, version, table, key, orderBy, fields);
  }

  private List<Ast.Field> fields() {
    expect("{", "to open the fields");
    List<Ast.Field> fields = new ArrayList<>();
    while (!accept("}")) {
      Ast.Name name = name("a field name");
      expect(":", "after the field name `" + name.text() + "`");
      Ast.TypeRef type = type();
      List<Ast.Name> annotations = new ArrayList<>();
      while (accept("@")) {
        annotations.add(name("an annotation such as pii"));
      }
      fields.add(new Ast.Field(name, type, annotations));
      accept(",");
    }
    return fields;
  }

  Ast.TypeRef type() {
    var start = peek().span();
    boolean array = accept("[");
    Ast.Name base = name("a type (string, i32, u64, f64, bool, timestamp, ipv4, ipv6, uuid, …)");
    if (array) {
      expect("]", "to close the array type");
    }
    boolean optional = accept("?");
    return new Ast.TypeRef(base, array, optional, start.to(tokens.get(pos - 1).span()));
  }

  private Ast.ValueList valueList() {
    Ast.Name name = name("a list name");
    expect(":", "after the list name (lists are typed: `list countries: string = [...]`)");
    Ast.TypeRef type = type();
    expect("=", "before the list's values");
    if (at("file")) {
      advance();
      expect("(", "after `file`");
      Ast.Literal path = literalOfKind(Ast.Literal.Kind.STRING, "a file path in double quotes");
      expect(")", "after the file path");
      return new Ast.ValueList(name, type, List.of(), Optional.of(path));
    }
    expect("[", "to open the list's values (or use file(\"path\"))");
    List<Ast.Literal> items = new ArrayList<>();
    while (!at("]")) {
      items.add(literal("a value"));
      if (!accept(",")) {
        break;
      }
    }
    expect("]", "to close the list's values");
    return new Ast.ValueList(name, type, items, Optional.empty());
  }

  private Ast.Signal signal() {
    Ast.Name name = name("a signal name");
    expect("{", "to open the signal's arguments");
    List<Ast.SignalArg> args = new ArrayList<>();
    while (!at("}")) {
      Ast.Name arg = name("an argument name");
      expect(":", "after the argument name `" + arg.text() + "`");
      args.add(new Ast.SignalArg(arg, type()));
      if (!accept(",")) {
        break;
      }
    }
    expect("}", "to close the signal");
    return new Ast.Signal(name, args);
  }
}
