package dev.ben.streams.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.EventLogSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event log as components use it: publishing checks the source is a registered component
 * allowed the type, bounds the entry and subjects, validates the data against the type's schema,
 * then stamps the id and time and appends; reading needs registration; consuming needs the types to
 * be granted. The source is always the caller's authenticated name, passed in by whoever
 * authenticated it, never read from the event.
 */
public final class EventLog {

  /**
   * The type recording a registration: registrations are events, so they outlive the process and
   * reach every node reading the same log, and who registered what stays in the lineage.
   */
  public static final String COMPONENT_REGISTERED = "component.registered";

  private final EventLogStore store;
  private final EventTypes types;
  private final Components components;
  private final EventLogSettings settings;
  private final Clock clock;
  private final LogEventIds ids;
  private final Object registrations = new Object();
  private final RecordedGrants recorded;

  /** The position after the last registration {@link #reloadComponents} read. */
  private long registrationsFrom;

  public EventLog(
      EventLogStore store,
      EventTypes types,
      Components components,
      EventLogSettings settings,
      Clock clock) {
    this.store = store;
    this.types = types;
    this.components = components;
    this.settings = settings;
    this.clock = clock;
    this.ids = new LogEventIds(clock);
    this.recorded = new RecordedGrants(types, components);
  }

  /** Records the draft as published by {@code source}; returns it with its id and position. */
  public StoredEvent publish(String source, EventDraft draft) {
    return publish(source, newId(), draft);
  }

  /**
   * A fresh event id from this log's generator, for an in-process publisher that must name an event
   * before it is recorded (as the parent of a later one, or in the ledger's own history); it then
   * publishes with {@link #publish(String, String, EventDraft)}.
   */
  public String newId() {
    return ids.next();
  }

  /**
   * Records the draft under {@code id}, which must come from {@link #newId()} of this log: ids are
   * not checked again on append, so only the log's own generator keeps them unique. Never exposed
   * to remote callers.
   */
  public StoredEvent publish(String source, String id, EventDraft draft) {
    components.require(source);
    if (!types.isDeclared(draft.type())
        && !(reloadComponents() > 0 && types.isDeclared(draft.type()))) {
      throw EventRefusedException.invalid(
          "/type", "`" + draft.type() + "` is not a declared event type");
    }
    components.requirePublisher(source, draft.type());
    String entry = EventText.oneLine(draft.entry());
    if (entry.length() > settings.maxEntryChars()) {
      throw EventRefusedException.invalid(
          "/entry",
          "is " + entry.length() + " characters, over the maximum " + settings.maxEntryChars());
    }
    draft.subjects().check(settings.maxSubjectChars());
    types.validate(draft.type(), draft.data());
    boolean declaration = ProjectTypes.DECLARED.equals(draft.type());
    if (declaration && !BuiltInComponents.LEDGER.equals(source)) {
      // only the ledger declares types, from a version it verified and activated
      throw new EventRefusedException(
          EventRefusedException.Kind.UNREGISTERED,
          "/type",
          "only the ledger declares event types, on activating a contract version");
    }
    if (declaration) {
      ProjectTypes.check(
          types, draft.data().path("type").asText(null), draft.data().path("schema"));
    }
    LogEvent event =
        new LogEvent(
            id,
            draft.type(),
            source,
            entry,
            draft.data().deepCopy(),
            draft.parentId(),
            draft.subjects(),
            clock.instant());
    StoredEvent stored = store.append(event);
    if (declaration) {
      ProjectTypes.apply(types, stored.event().data());
    }
    return stored;
  }

  /** Generic reading: any type (all when {@code types} is empty) from a position. */
  public List<StoredEvent> read(String reader, long fromPosition, Set<String> types, int limit) {
    components.require(reader);
    return store.read(fromPosition, Set.copyOf(types), checkedLimit(limit));
  }

  /** Claims with the configured lease. */
  public List<Claim> claim(String consumer, Set<String> types, int limit) {
    return claim(consumer, types, limit, settings.lease());
  }

  /** Claims up to {@code limit} events of the types for exactly-once handling. */
  public List<Claim> claim(String consumer, Set<String> types, int limit, Duration lease) {
    components.requireConsumer(consumer, types);
    if (lease.isNegative() || lease.isZero() || lease.compareTo(settings.maxLease()) > 0) {
      throw EventRefusedException.invalid(
          "/lease", "must be positive and at most " + settings.maxLease() + ", got " + lease);
    }
    return store.claim(consumer, Set.copyOf(types), checkedLimit(limit), lease);
  }

  /** Moves the consumer's status of an event it claimed. */
  public Consumption move(String consumer, String eventId, ConsumerStatus status, String note) {
    components.require(consumer);
    String line = EventText.oneLine(note);
    if (line.length() > settings.maxEntryChars()) {
      throw EventRefusedException.invalid(
          "/note",
          "is " + line.length() + " characters, over the maximum " + settings.maxEntryChars());
    }
    return store.move(consumer, eventId, status, line);
  }

  public List<Consumption> statuses(String eventId) {
    return store.statuses(eventId);
  }

  public Optional<StoredEvent> get(String eventId) {
    return store.get(eventId);
  }

  public List<StoredEvent> children(String eventId) {
    return store.children(eventId);
  }

  /**
   * The event and its ancestors, root first. Parents are checked on append, so the chain ends at a
   * root; the seen-set only guards against a corrupted store.
   */
  public List<StoredEvent> lineage(String eventId) {
    List<StoredEvent> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<StoredEvent> current = store.get(eventId);
    while (current.isPresent() && seen.add(current.get().id())) {
      chain.add(current.get());
      String parent = current.get().event().parentId();
      current = parent == null ? Optional.empty() : store.get(parent);
    }
    Collections.reverse(chain);
    return chain;
  }

  /**
   * Reading for people and tools whose role the caller checked (the control API, ben_api): any type
   * from a position, without being a registered component.
   */
  public List<StoredEvent> browse(long fromPosition, Set<String> types, int limit) {
    return store.read(fromPosition, Set.copyOf(types), checkedLimit(limit));
  }

  /**
   * Registers the component on behalf of {@code registeredBy}, an administrator the caller
   * authenticated, and records the registration as a {@link #COMPONENT_REGISTERED} event (its
   * source the administrator) before it takes effect.
   */
  public StoredEvent register(String registeredBy, Component component) {
    if (BuiltInComponents.NAMES.contains(component.name())) {
      throw EventRefusedException.invalid(
          "/component",
          "`" + component.name() + "` is one of Ben's own components; register under another name");
    }
    if (!component.publishes().stream().allMatch(types::isDeclared)
        || !component.consumes().stream().allMatch(types::isDeclared)) {
      reloadComponents(); // a project's type may have been declared on another node
    }
    components.check(component);
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("component", component.name());
    component.publishes().stream().sorted().forEach(data.putArray("publishes")::add);
    component.consumes().stream().sorted().forEach(data.putArray("consumes")::add);
    types.validate(COMPONENT_REGISTERED, data);
    synchronized (registrations) {
      StoredEvent stored =
          store.append(
              new LogEvent(
                  ids.next(),
                  COMPONENT_REGISTERED,
                  registeredBy,
                  EventText.oneLine(registeredBy + " registered component " + component.name()),
                  data,
                  null,
                  EventSubjects.NONE,
                  clock.instant()));
      components.register(component);
      return stored;
    }
  }

  /**
   * Applies what the log recorded since the last reload, in order: the event types projects
   * declared ({@link ProjectTypes}) and the component registrations, so a registration finds the
   * types declared before it and the last registration of a name wins. At start, and when another
   * node may have registered a component or declared a type. A recorded registration naming a type
   * no longer declared is skipped. Returns how many registrations and declarations were applied.
   */
  public int reloadComponents() {
    synchronized (registrations) {
      int registered = 0;
      while (true) {
        List<StoredEvent> page =
            store.read(
                registrationsFrom,
                Set.of(COMPONENT_REGISTERED, ProjectTypes.DECLARED),
                settings.maxBatch());
        for (StoredEvent event : page) {
          registrationsFrom = event.position() + 1;
          if (recorded.apply(event.event())) {
            registered++;
          }
        }
        if (page.size() < settings.maxBatch()) {
          return registered;
        }
      }
    }
  }

  /**
   * Refuses, as recording its {@link ProjectTypes#DECLARED} event would, a project's type that
   * cannot be declared; reads the declarations other nodes recorded first.
   */
  public void checkDeclarable(String type, JsonNode schema) {
    reloadComponents();
    ProjectTypes.check(types, type, schema);
  }

  public EventTypes types() {
    return types;
  }

  public Components components() {
    return components;
  }

  private int checkedLimit(int limit) {
    if (limit <= 0 || limit > settings.maxBatch()) {
      throw EventRefusedException.invalid(
          "/limit", "must be from 1 to " + settings.maxBatch() + ", got " + limit);
    }
    return limit;
  }
}
