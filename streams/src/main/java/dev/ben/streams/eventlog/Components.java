package dev.ben.streams.eventlog;

import java.util.HashSet;
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
    for (String type : union(component.publishes(), component.consumes())) {
      if (!types.isDeclared(type)) {
        throw EventRefusedException.invalid(
            "/type",
            "component " + component.name() + " names `" + type + "`, not a declared type");
      }
    }
    registered.put(component.name(), component);
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
