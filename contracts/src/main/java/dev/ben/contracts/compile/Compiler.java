package dev.ben.contracts.compile;

import dev.ben.contracts.check.BenType;
import dev.ben.contracts.check.CheckedProgram;
import dev.ben.contracts.check.ListValues;
import dev.ben.contracts.check.SchemaInfo;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.SignalDecl;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.EventType;
import dev.ben.contracts.model.Fingerprinted;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Signal;
import dev.ben.contracts.model.SignalArg;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a checked program into the model. Deterministic: the same sources give the same
 * artifacts, in declaration order (files by path), each sealed with its {@code sha256:}
 * fingerprint.
 */
public final class Compiler {

  private Compiler() {}

  /** Compiles every artifact of the program for the named project and version label. */
  public static ContractSet compile(CheckedProgram program, String project, String version) {
    List<Schema> schemas = new ArrayList<>();
    for (SchemaInfo schema : program.schemas()) {
      schemas.add(seal(SchemaCompiler.compile(schema)));
    }
    List<ValueList> lists = new ArrayList<>();
    for (ListValues list : program.lists()) {
      List<String> values =
          list.values().stream().map(value -> ModelValues.text(value, list.elementType())).toList();
      lists.add(new ValueList(list.name(), ModelValues.type(list.elementType()), values, ""));
    }
    List<PolicyPack> policies = new ArrayList<>();
    PolicyCompiler policyCompiler = new PolicyCompiler(program, lists);
    for (PolicyDecl policy : program.policies()) {
      policies.add(seal(policyCompiler.compile(policy)));
    }
    List<DetectorSpec> detectors = new ArrayList<>();
    for (DetectorDecl detector : program.detectors()) {
      detectors.add(seal(DetectorCompiler.compile(detector)));
    }
    List<Signal> signals = new ArrayList<>();
    for (SignalDecl signal : program.signals()) {
      List<SignalArg> args = new ArrayList<>();
      for (Map.Entry<String, BenType> arg :
          program.signalArgs().get(signal.name().name()).entrySet()) {
        args.add(new SignalArg(arg.getKey(), ModelValues.type(arg.getValue().prim())));
      }
      signals.add(seal(new Signal(signal.name().name(), args, "")));
    }
    List<Playbook> playbooks = new ArrayList<>();
    PlaybookCompiler playbookCompiler = new PlaybookCompiler(program);
    for (PlaybookDecl playbook : program.playbooks()) {
      playbooks.add(seal(playbookCompiler.compile(playbook)));
    }
    List<Pipeline> pipelines = new ArrayList<>();
    for (PipelineDecl pipeline : program.pipelines()) {
      pipelines.add(seal(PipelineCompiler.compile(pipeline)));
    }
    List<ValueList> sealedLists = lists.stream().map(Compiler::seal).toList();
    List<EventType> eventTypes =
        program.eventTypes().stream()
            .map(type -> seal(new EventType(type.name(), type.schema(), "")))
            .toList();
    return new ContractSet(
        project,
        version,
        schemas,
        sealedLists,
        policies,
        detectors,
        signals,
        playbooks,
        pipelines,
        eventTypes);
  }

  private static <T extends Fingerprinted<T>> T seal(T artifact) {
    return ModelJson.seal(artifact);
  }
}
