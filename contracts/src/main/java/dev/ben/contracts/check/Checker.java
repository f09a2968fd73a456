package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Severity;
import dev.ben.contracts.lang.BenFile;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.EventTypeDecl;
import dev.ben.contracts.lang.ListDecl;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.SchemaDecl;
import dev.ben.contracts.lang.SignalDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a whole project. Declarations are visited in a fixed order (files sorted by path), so the
 * order in which files were found on disk never changes the result.
 */
public final class Checker {

  private Checker() {}

  /**
   * Checks parsed files; problems go to {@code diagnostics}. Returns the checked program when there
   * are no errors.
   */
  public static Optional<CheckedProgram> check(
      List<BenFile> parsed, Resources resources, Severity piiSeverity, Diagnostics diagnostics) {
    List<BenFile> files = new ArrayList<>(parsed);
    files.sort(Comparator.comparing(file -> file.source().path()));
    ImportGraph imports = new ImportGraph(files, diagnostics);
    SymbolTable symbols = new SymbolTable(files, imports, diagnostics);
    CheckContext context = new CheckContext(diagnostics, symbols, resources, piiSeverity);

    SchemaChecker schemaChecker = new SchemaChecker(context);
    for (SchemaDecl schema : symbols.all(SchemaDecl.class, "schema")) {
      SchemaInfo info = schemaChecker.check(schema);
      context.schemas.put(info.name(), info);
      context.scopes.put(info.name(), new SchemaScope(info));
    }
    ListChecker listChecker = new ListChecker(context);
    for (ListDecl list : symbols.all(ListDecl.class, "list")) {
      ListValues values = listChecker.check(list);
      if (values != null) {
        context.lists.put(values.name(), values);
      }
    }
    EventTypeChecker eventTypeChecker = new EventTypeChecker(context);
    List<EventTypeDecl> eventTypeDecls = symbols.all(EventTypeDecl.class, "event_type");
    List<CheckedEventType> eventTypes = new ArrayList<>();
    for (EventTypeDecl eventType : eventTypeDecls) {
      CheckedEventType checked = eventTypeChecker.check(eventType);
      if (checked != null) {
        eventTypes.add(checked);
      }
    }
    for (SignalDecl signal : symbols.all(SignalDecl.class, "signal")) {
      context.signals.put(signal.name().name(), signalArgs(signal, diagnostics));
    }
    List<PolicyDecl> policies = symbols.all(PolicyDecl.class, "policy");
    PolicyChecker policyChecker = new PolicyChecker(context);
    policies.forEach(policyChecker::declare);
    policies.forEach(policyChecker::check);
    List<DetectorDecl> detectors = symbols.all(DetectorDecl.class, "detector");
    detectors.forEach(new DetectorChecker(context)::check);
    List<PlaybookDecl> playbooks = symbols.all(PlaybookDecl.class, "playbook");
    playbooks.forEach(new PlaybookChecker(context)::check);
    List<PipelineDecl> pipelines = symbols.all(PipelineDecl.class, "pipeline");
    pipelines.forEach(new PipelineChecker(context)::check);
    eventTypeChecker.checkPrefixes(pipelines, eventTypeDecls);

    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(
        new CheckedProgram(
            List.copyOf(context.schemas.values()),
            List.copyOf(context.lists.values()),
            policies,
            detectors,
            symbols.all(SignalDecl.class, "signal"),
            context.signals,
            playbooks,
            pipelines,
            context.scopes,
            eventTypes));
  }

  private static Map<String, BenType> signalArgs(SignalDecl signal, Diagnostics diagnostics) {
    Map<String, BenType> args = new LinkedHashMap<>();
    if (signal.args().isEmpty()) {
      diagnostics.warning(
          signal.name().span(),
          "signal `" + signal.name().name() + "` carries no arguments",
          "applications usually need to know whom the signal is about, e.g. `{ user: string }`");
    }
    for (SchemaDecl.FieldDecl arg : signal.args()) {
      if (arg.pii()) {
        diagnostics.error(
            arg.span(),
            "`@pii` has no meaning on a signal argument",
            "redact the field in a policy instead and remove `@pii` here");
      }
      BenType type = TypeResolver.resolve(arg.type(), diagnostics);
      if (type != null && (type.isOptional() || type.isArray())) {
        diagnostics.error(
            arg.type().span(),
            "signal arguments are plain scalar values, not `" + type.spelling() + "`",
            "use `" + type.prim().spelling() + "`");
        type = new BenType.Scalar(type.prim());
      }
      if (args.containsKey(arg.name().name())) {
        diagnostics.error(
            arg.name().span(),
            "duplicate argument `"
                + arg.name().name()
                + "` in signal `"
                + signal.name().name()
                + "`");
      } else if (type != null) {
        args.put(arg.name().name(), type);
      }
    }
    return args;
  }
}
