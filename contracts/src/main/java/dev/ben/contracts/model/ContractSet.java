package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * Every artifact of one build (schemas, lists, policies, detectors, signals, playbooks, pipelines
 * and declared event types), in declaration order, plus the project name and version label the
 * build was made for. Lookups are by name; engines resolve references through these.
 */
@JsonPropertyOrder({
  "project",
  "version",
  "schemas",
  "lists",
  "policies",
  "detectors",
  "signals",
  "playbooks",
  "pipelines",
  "eventTypes"
})
public record ContractSet(
    String project,
    String version,
    List<Schema> schemas,
    List<ValueList> lists,
    List<PolicyPack> policies,
    List<DetectorSpec> detectors,
    List<Signal> signals,
    List<Playbook> playbooks,
    List<Pipeline> pipelines,
    List<EventType> eventTypes) {

  public ContractSet {
    Checks.name(project, "project name");
    version = version == null ? "" : version;
    schemas = Checks.list(schemas);
    lists = Checks.list(lists);
    policies = Checks.list(policies);
    detectors = Checks.list(detectors);
    signals = Checks.list(signals);
    playbooks = Checks.list(playbooks);
    pipelines = Checks.list(pipelines);
    eventTypes = Checks.list(eventTypes);
  }

  /** A contract set that declares no event types. */
  public ContractSet(
      String project,
      String version,
      List<Schema> schemas,
      List<ValueList> lists,
      List<PolicyPack> policies,
      List<DetectorSpec> detectors,
      List<Signal> signals,
      List<Playbook> playbooks,
      List<Pipeline> pipelines) {
    this(
        project, version, schemas, lists, policies, detectors, signals, playbooks, pipelines,
        List.of());
  }

  public Optional<Schema> schema(String name) {
    return find(schemas, name);
  }

  public Optional<ValueList> list(String name) {
    return find(lists, name);
  }

  public Optional<PolicyPack> policy(String name) {
    return find(policies, name);
  }

  public Optional<DetectorSpec> detector(String name) {
    return find(detectors, name);
  }

  public Optional<Signal> signal(String name) {
    return find(signals, name);
  }

  public Optional<Playbook> playbook(String name) {
    return find(playbooks, name);
  }

  public Optional<Pipeline> pipeline(String name) {
    return find(pipelines, name);
  }

  public Optional<EventType> eventType(String name) {
    return find(eventTypes, name);
  }

  private static <T extends Fingerprinted<T>> Optional<T> find(List<T> items, String name) {
    for (T item : items) {
      if (item.name().equals(name)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }
}
