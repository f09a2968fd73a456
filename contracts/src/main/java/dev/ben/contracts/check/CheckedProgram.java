package dev.ben.contracts.check;

import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.SignalDecl;
import java.util.List;
import java.util.Map;

/**
 * A project that passed checking: every declaration in project order (files sorted by path, then
 * source order), with resolved schema field types, list values, signal argument types, per-schema
 * name scopes and the declared event types with their schemas. Only built when there were no
 * errors, so the compiler may rely on every reference resolving.
 */
public record CheckedProgram(
    List<SchemaInfo> schemas,
    List<ListValues> lists,
    List<PolicyDecl> policies,
    List<DetectorDecl> detectors,
    List<SignalDecl> signals,
    Map<String, Map<String, BenType>> signalArgs,
    List<PlaybookDecl> playbooks,
    List<PipelineDecl> pipelines,
    Map<String, SchemaScope> scopes,
    List<CheckedEventType> eventTypes) {

  public CheckedProgram {
    schemas = List.copyOf(schemas);
    lists = List.copyOf(lists);
    policies = List.copyOf(policies);
    detectors = List.copyOf(detectors);
    signals = List.copyOf(signals);
    signalArgs = Map.copyOf(signalArgs);
    playbooks = List.copyOf(playbooks);
    pipelines = List.copyOf(pipelines);
    scopes = Map.copyOf(scopes);
    eventTypes = List.copyOf(eventTypes);
  }

  public SchemaInfo schema(String name) {
    return scopes.get(name).schema();
  }

  public SchemaScope scope(String schema) {
    return scopes.get(schema);
  }

  public ListValues list(String name) {
    return lists.stream().filter(list -> list.name().equals(name)).findFirst().orElse(null);
  }
}
