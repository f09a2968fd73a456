package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Ast;
import dev.ben.contracts.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a whole project in dependency order: schemas, lists, policies, detectors, signals, playbooks, pipelines.
 * Every check reports into the diagnostics and carries on, so one run shows every problem.
 */
public final class Checker {

  private Checker() {}

  public static CheckedProject check(Project project, Diagnostics d) {
    Symbols symbols = Symbols.collect(project.units(), d);
    CheckContext c = new CheckContext(d, symbols);
    symbols.all("schema", Ast.Schema.class).forEach(s -> c.schemas.put(s.name().text(), SchemaChecks.check(s, d)));
    symbols.all("list", Ast.ValueList.class).forEach(l -> ListChecks.check(l, c, path -> read(project.root(), path)));
    symbols.all("policy", Ast.Policy.class).forEach(p -> PolicyChecks.check(p, c));
    Map<String, ConditionScope.DetectorInfo> detectors = new LinkedHashMap<>();
    Map<String, java.util.List<Ast.Name>> piiUses = new HashMap<>();
    for (Ast.Detector detector : symbols.all("detector", Ast.Detector.class)) {
      detectors.put(detector.name().text(), new ConditionScope.DetectorInfo(detector.schema().text(),
          DetectorChecks.check(detector, c, piiUses)));
    }
    piiUses.forEach((schemaField, uses) -> {
      String schema = schemaField.substring(0, schemaField.indexOf('.'));
      String field = schemaField.substring(schema.length() + 1);
      boolean redacted = c.policiesOn(schema).stream().anyMatch(p -> p.redacted().contains(field));
      if (!redacted) {
        uses.forEach(use -> d.warning(use.span(), "detector reads @pii field `" + field + "` of schema `" + schema
            + "`, which no policy redacts", "add `redact " + field + " hash(keyed)` to a policy on `" + schema + "`"));
      }
    });
    for (Ast.Signal signal : symbols.all("signal", Ast.Signal.class)) {
      Set<String> args = new java.util.HashSet<>();
      for (Ast.SignalArg arg : signal.args()) {
        if (!args.add(arg.name().text())) {
          d.error(arg.name().span(), "duplicate argument `" + arg.name().text() + "` in signal `"
              + signal.name().text() + "`", null);
        }
        SchemaChecks.resolve(arg.type(), d);
      }
    }
    PlaybookChecks playbooks = new PlaybookChecks(c, detectors);
    symbols.all("playbook", Ast.Playbook.class).forEach(playbooks::check);
    symbols.all("pipeline", Ast.Pipeline.class)
        .forEach(p -> PipelineChecks.check(p, c, project.settings().piiIsError()));
    return new CheckedProject(project, symbols, Map.copyOf(c.schemas), Map.copyOf(c.policies));
  }

  private static Optional<String> read(Path root, String relative) {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
