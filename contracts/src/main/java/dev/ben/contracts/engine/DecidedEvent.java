package dev.ben.contracts.engine;

import dev.ben.contracts.engine.bitspec.BitspecState;
import dev.ben.contracts.event.Event;
import java.util.List;

/**
 * One event as the spine leaves it, for a detector in the same process: the redacted typed event
 * and the spine's decisions about it as each policy's bit sets and level array, addressed by the
 * references of the spine that made them. It never leaves the process (a detector on another member
 * reads the body and the decisions' names instead). Read-only: neither the event nor the decisions
 * change once the spine has handed them on, so readers on other threads see what the spine left.
 */
public final class DecidedEvent implements SpineDecisions {

  private final SchemaRuntime decidedBy;
  private final Event event;
  private final BitspecState[] results;
  private final List<String> setBits;
  private final List<String> firedRules;
  private final boolean roundTrips;

  DecidedEvent(
      SchemaRuntime decidedBy,
      Event event,
      BitspecState[] results,
      List<String> setBits,
      List<String> firedRules,
      boolean roundTrips) {
    this.decidedBy = decidedBy;
    this.event = event;
    this.results = results;
    this.setBits = setBits;
    this.firedRules = firedRules;
    this.roundTrips = roundTrips;
  }

  /** The redacted event; not to be changed. */
  public Event event() {
    return event;
  }

  /**
   * True when detectors of {@code runtime} may read this event and these decisions in place of the
   * body and the names: the same contract version's engines decided it (so the references mean the
   * same), and translating its body would give back this very event.
   */
  public boolean readableBy(ContractRuntime runtime) {
    return roundTrips && runtime.schemaRuntimeIfAny(event.schema().name()) == decidedBy;
  }

  @Override
  public boolean bitSet(int bitRef) {
    return bitRef >= 0 && results[bitRef >>> 16].bit(bitRef & 0xFFFF);
  }

  @Override
  public boolean ruleFired(int ruleRef) {
    return ruleRef >= 0 && results[ruleRef >>> 16].ruleFired(ruleRef & 0xFFFF);
  }

  @Override
  public int factLevel(int factRef) {
    return factRef < 0 ? -1 : results[factRef >>> 16].level(factRef & 0xFFFF);
  }

  @Override
  public List<String> setBits() {
    return setBits;
  }

  @Override
  public List<String> firedRules() {
    return firedRules;
  }
}
