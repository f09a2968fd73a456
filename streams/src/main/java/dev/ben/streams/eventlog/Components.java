package dev.ben.streams.eventlog;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The components allowed to use the log. Publishing or consuming is refused (UNREGISTERED) for a
 * name never registered, and for a type the component was not registered for, saying which. A
 * component registered again replaces its grants (a new release publishing more types).
 */
public final class Components {

  private final Map<String, Component> registered = new ConcurrentHashMap<>();
  private final EventTypes types;

  public Components(EventTypes types) {
    this.types = types;
  }

  /** Registers the component; every type it names must be declared. */
  public void register(Component component) {
    check(component);
    registered.put(component.name(), component);
  }

  /** Refuses a component naming a type that is not declared. */
  void check(Component component) {
    for (String type : union(component.publishes(), component.consumes())) {
      if (!types.isDeclared(type)) {
        throw EventRefusedException.invalid(
            "/type",
            "component " + component.name() + " names `" + type + "`, not a declared type");
      }
    }
  }

  /** Every registered component, sorted by name. */
  public List<Component> all() {
    return registered.values().stream().sorted(Comparator.comparing(Component::name)).toList();
  }

  public Optional<Component> get(String name) {
    return Optional.ofNullable(registered.get(name));
  }

  /** The registered component, or a refusal naming who asked. */
  Component require(String name) {
    Component component = registered.get(name);
    if (component == null) {
      throw new EventRefusedException(
          EventRefusedException.Kind.UNREGISTERED,
          "/source",
          "`" + name + "` is not a registered component");
    }
    return component;
  }

  void requirePublisher(String name, String type) {
    if (!require(name).publishes().contains(type)) {
      throw new EventRefusedException(
          EventRefusedException.Kind.UNREGISTERED,
          "/type",
          "component " + name + " is not registered to publish " + type);
    }
  }

  void requireConsumer(String name, Set<String> requested) {
    Component component = require(name);
    if (requested.isEmpty()) {
      throw EventRefusedException.invalid("/types", "a claim names the types it consumes");
    }
    for (String type : requested) {
      if (!component.consumes().contains(type)) {
        throw new EventRefusedException(
            EventRefusedException.Kind.UNREGISTERED,
            "/types",
            "component " + name + " is not registered to consume " + type);
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
