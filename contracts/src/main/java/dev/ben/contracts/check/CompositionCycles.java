package dev.ben.contracts.check;

import dev.ben.contracts.lang.Ast;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds predicates that compose themselves through all/any/not, which could never be evaluated. */
final class CompositionCycles {

  private final CheckContext c;
  private final Map<String, Ast.PredicateDecl> predicates;
  private final Set<String> done = new HashSet<>();

  CompositionCycles(CheckContext c, Map<String, Ast.PredicateDecl> predicates) {
    this.c = c;
    this.predicates = predicates;
  }

  void check() {
    predicates.keySet().forEach(name -> visit(name, new ArrayList<>()));
  }

  private void visit(String name, List<String> path) {
    if (done.contains(name) || !predicates.containsKey(name)) {
      return;
    }
    path.add(name);
    if (predicates.get(name).body() instanceof Ast.Compose compose) {
      for (Ast.Name ref : compose.refs()) {
        if (path.contains(ref.text())) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(ref.text()), path.size()));
          cycle.add(ref.text());
          c.error(ref.span(), "predicate cycle: " + String.join(" -> ", cycle),
              "a predicate cannot depend on itself");
        } else {
          visit(ref.text(), path);
        }
      }
    }
    path.remove(path.size() - 1);
    done.add(name);
  }
}
