package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's top-level declarations by kind and name. Each kind has its own namespace (a schema and a pipeline
 * may share a name, as `login` and `auth` would); a duplicate within a kind is an error pointing at both.
 */
public final class Symbols {

  private final Map<String, Map<String, Ast.Decl>> byKind = new LinkedHashMap<>();

  static Symbols collect(List<Ast.Unit> units, Diagnostics diagnostics) {
    Symbols symbols = new Symbols();
    for (Ast.Unit unit : units) {
      for (Ast.Decl decl : unit.decls()) {
        Map<String, Ast.Decl> kind = symbols.byKind.computeIfAbsent(decl.kind(), k -> new LinkedHashMap<>());
        Ast.Decl previous = kind.putIfAbsent(decl.name().text(), decl);
        if (previous != null) {
          diagnostics.error(decl.name().span(), "duplicate " + decl.kind() + " `" + decl.name().text() + "`",
              "the first is at " + previous.name().span().file().name() + ":" + previous.name().span().line() + ":"
                  + previous.name().span().column() + "; rename one of them");
        }
      }
    }
    return symbols;
  }

  public <T extends Ast.Decl> Optional<T> find(String kind, String name, Class<T> type) {
    return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(name)).filter(type::isInstance).map(type::cast);
  }

  public <T extends Ast.Decl> List<T> all(String kind, Class<T> type) {
    return byKind.getOrDefault(kind, Map.of()).values().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Resolves a reference or reports `unknown KIND `name`` with a suggestion. */
  <T extends Ast.Decl> Optional<T> resolve(Ast.Name ref, String kind, Class<T> type, Diagnostics diagnostics) {
    Optional<T> found = find(kind, ref.text(), type);
    if (found.isEmpty()) {
      diagnostics.error(ref.span(), "unknown " + kind + " `" + ref.text() + "`",
          Suggestions.didYouMean(ref.text(), byKind.getOrDefault(kind, Map.of()).keySet()));
    }
    return found;
  }
}
