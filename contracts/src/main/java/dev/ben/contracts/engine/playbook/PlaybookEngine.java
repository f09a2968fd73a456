package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.ArgExpr;
import dev.ben.contracts.model.EmitArg;
import dev.ben.contracts.model.Literal;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookConditionText;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Signal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One playbook's condition and emit, compiled. {@link #candidate} returns null when the condition
 * does not hold, otherwise a {@link PlaybookCandidate} that its bound still has to admit (see
 * {@link BoundAdmission}): the engine keeps no state, so the bound can be held elsewhere.
 */
public final class PlaybookEngine {

  /** Names and values the runtime supplies only when a condition holds, for the explanation. */
  public record Context(
      String contractVersion,
      List<String> bits,
      List<String> rules,
      Map<String, Double> detectors,
      Map<String, Object> inputs) {}

  private final Playbook playbook;
  private final PlaybookChecks.Check condition;
  private final String conditionText;
  private final int[] scopeFields;
  private final int[] argFields;
  private final int[] argDetectors;
  private final PlaybookResolver resolver;

  public PlaybookEngine(
      Playbook playbook, Signal signal, Schema schema, PlaybookResolver resolver) {
    String where = "playbook '" + playbook.name() + "'";
    if (!playbook.emit().signal().equals(signal.name())) {
      throw new IllegalArgumentException(
          where + " emits '" + playbook.emit().signal() + "', not '" + signal.name() + "'");
    }
    this.playbook = playbook;
    this.resolver = resolver;
    this.condition = new PlaybookChecks(playbook.name(), schema, resolver).compile(playbook.when());
    this.conditionText = PlaybookConditionText.EXPLANATION.render(playbook.when());
    List<String> scope = playbook.bound().cooldownScope();
    this.scopeFields = new int[scope.size()];
    for (int i = 0; i < scopeFields.length; i++) {
      scopeFields[i] = requireField(schema, scope.get(i), where + " cooldown scope");
    }
    List<EmitArg> args = playbook.emit().args();
    this.argFields = new int[args.size()];
    this.argDetectors = new int[args.size()];
    for (int i = 0; i < args.size(); i++) {
      ArgExpr value = args.get(i).value();
      argFields[i] =
          value instanceof ArgExpr.FieldRef f ? requireField(schema, f.field(), where) : -1;
      argDetectors[i] =
          value instanceof ArgExpr.DetectorValue d
              ? requireRef(
                  resolver.detectorRef(d.detector(), d.feature()),
                  where,
                  d.detector() + "." + d.feature())
              : -1;
      if (value instanceof ArgExpr.FactValue f) {
        requireRef(resolver.factRef(f.fact()), where, "fact '" + f.fact() + "'");
      }
    }
  }

  private static int requireField(Schema schema, String field, String where) {
    int index = schema.indexOf(field);
    if (index < 0) {
      throw new IllegalArgumentException(
          where + ": schema '" + schema.name() + "' has no field '" + field + "'");
    }
    return index;
  }

  private static int requireRef(int ref, String where, String what) {
    if (ref < 0) {
      throw new IllegalArgumentException(where + " uses unknown " + what);
    }
    return ref;
  }

  public Playbook playbook() {
    return playbook;
  }

  public PlaybookCandidate candidate(
      PlaybookInputs inputs, long nowMillis, Supplier<Context> context) {
    if (!condition.holds(inputs)) {
      return null;
    }
    Context details = context.get();
    return new PlaybookCandidate(
        playbook,
        new BoundRequest(scopeKey(inputs.event()), nowMillis),
        new PlaybookOutcome(
            playbook.name(),
            PlaybookOutcome.Status.SUPPRESSED,
            PlaybookCandidate.UNDECIDED,
            details.contractVersion(),
            playbook.fingerprint(),
            nowMillis,
            conditionText,
            playbook.explanation(),
            playbook.emit().signal(),
            arguments(inputs),
            details.bits(),
            details.rules(),
            details.detectors(),
            details.inputs()));
  }

  private String scopeKey(Event event) {
    var key = new StringBuilder();
    for (int i = 0; i < scopeFields.length; i++) {
      key.append(i == 0 ? "" : ",")
          .append(playbook.bound().cooldownScope().get(i))
          .append('=')
          .append(event.plainValue(scopeFields[i]));
    }
    return key.toString();
  }

  private Map<String, Object> arguments(PlaybookInputs inputs) {
    var args = new LinkedHashMap<String, Object>();
    List<EmitArg> declared = playbook.emit().args();
    for (int i = 0; i < declared.size(); i++) {
      ArgExpr value = declared.get(i).value();
      Object resolved;
      if (argFields[i] >= 0) {
        resolved = inputs.event().plainValue(argFields[i]);
      } else if (argDetectors[i] >= 0) {
        double number = inputs.detectorValue(argDetectors[i]);
        resolved = Double.isNaN(number) ? null : number;
      } else if (value instanceof ArgExpr.FactValue f) {
        int level = inputs.factLevel(resolver.factRef(f.fact()));
        resolved = level < 0 ? null : resolver.factLevels(f.fact()).get(level);
      } else {
        resolved = literalValue(((ArgExpr.Const) value).value());
      }
      args.put(declared.get(i).name(), resolved);
    }
    return args;
  }

  private static Object literalValue(Literal literal) {
    if (literal instanceof Literal.Int i) {
      return i.value();
    }
    if (literal instanceof Literal.Real r) {
      return r.value();
    }
    if (literal instanceof Literal.Bool b) {
      return b.value();
    }
    return literal.text();
  }
}
