package dev.ben.streams.eventlog;

import dev.ben.config.EventLogSettings;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of Ben that publish to the event log themselves, each registered at start with the
 * types it may publish: the ledger its steps, the detector its playbook decisions and the signals
 * it sends, the signal relays what became of them, backtests their runs. None consumes.
 */
public final class BuiltInComponents {

  public static final String LEDGER = "ledger";
  public static final String DETECTOR = "detector";
  public static final String SIGNALS = "signals";
  public static final String BACKTEST = "backtest";

  private BuiltInComponents() {}

  /** Their names, which no registration may take. */
  public static final Set<String> NAMES = Set.of(LEDGER, DETECTOR, SIGNALS, BACKTEST);

  /**
   * The log a node opens on {@code store}: the built-in types, these components registered, and the
   * registrations recorded in the log read back.
   */
  public static EventLog logOn(EventLogStore store, EventLogSettings settings, Clock clock) {
    EventTypes types = EventTypes.builtIn(settings);
    Components components = new Components(types);
    register(components);
    EventLog log = new EventLog(store, types, components, settings, clock);
    log.reloadComponents();
    return log;
  }

  /** Registers the four components on {@code components} (again: the same grants). */
  public static void register(Components components) {
    components.register(new Component(LEDGER, typesStartingWith("ledger."), Set.of()));
    components.register(
        new Component(
            DETECTOR,
            Set.of("playbook.fired", "playbook.suppressed", "signal.published"),
            Set.of()));
    components.register(
        new Component(SIGNALS, Set.of("signal.delivered", "signal.dropped"), Set.of()));
    components.register(new Component(BACKTEST, Set.of("backtest.run"), Set.of()));
  }

  private static Set<String> typesStartingWith(String prefix) {
    return EventTypes.BUILT_IN.stream()
        .filter(type -> type.startsWith(prefix))
        .collect(Collectors.toUnmodifiableSet());
  }
}
