package dev.ben.contracts.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The syntax of `pipeline NAME { schemas […] … sidecar { … } proxy { … } spines N store { … } }`. */
final class PipelineSyntax {

  static final Set<String> MEMBER_KINDS = Set.of("schemas", "policies", "detectors", "playbooks");

  private PipelineSyntax() {}

  static Ast.Pipeline pipeline(TokenCursor c) {
    Ast.Name name = c.name("a pipeline name");
    c.expect("{", "to open the pipeline");
    List<Ast.Members> members = new ArrayList<>();
    List<Ast.Setting> sidecar = new ArrayList<>();
    List<Ast.Setting> proxy = new ArrayList<>();
    List<Ast.Setting> store = new ArrayList<>();
    Optional<Ast.Literal> spines = Optional.empty();
    while (!c.accept("}")) {
      Ast.Name item = c.name("schemas, policies, detectors, playbooks, sidecar, proxy, spines, store or `}`");
      if (MEMBER_KINDS.contains(item.text())) {
        members.add(new Ast.Members(item, c.nameList(item.text())));
        continue;
      }
      switch (item.text()) {
        case "sidecar" -> sidecar.addAll(settings(c, "sidecar"));
        case "proxy" -> proxy.addAll(settings(c, "proxy"));
        case "store" -> store.addAll(settings(c, "store"));
        case "spines" -> spines = Optional.of(c.literalOfKind(Ast.Literal.Kind.INT, "the number of spines"));
        default -> {
          c.diagnostics.error(item.span(), "unknown pipeline item `" + item.text() + "`",
              "a pipeline has schemas, policies, detectors, playbooks, sidecar, proxy, spines and store");
          throw new TokenCursor.SyntaxError();
        }
      }
    }
    return new Ast.Pipeline(name, members, sidecar, proxy, spines, store);
  }

  /** `{ key value, key value; flag }`: commas or semicolons between settings, a value optional. */
  private static List<Ast.Setting> settings(TokenCursor c, String block) {
    c.expect("{", "to open the " + block + " settings");
    List<Ast.Setting> settings = new ArrayList<>();
    while (!c.at("}")) {
      Ast.Name key = c.name("a " + block + " setting");
      Optional<Ast.Literal> value = c.at(",") || c.at(";") || c.at("}") ? Optional.empty()
          : Optional.of(c.value("the value of `" + key.text() + "`"));
      settings.add(new Ast.Setting(key, value));
      if (!c.accept(",") && !c.accept(";")) {
        break;
      }
    }
    c.expect("}", "to close the " + block + " settings");
    return settings;
  }
}
