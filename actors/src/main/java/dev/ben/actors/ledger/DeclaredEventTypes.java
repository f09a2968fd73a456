package dev.ben.actors.ledger;

import dev.ben.actors.ledger.LedgerRefusal.Kind;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.EventType;
import dev.ben.contracts.model.EventTypeNames;
import dev.ben.contracts.model.Pipeline;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventRefusedException;
import java.util.List;

/**
 * The event types a contract version declares, as the ledger handles them: checked against the
 * event log when the bundle is staged (so a changed schema is refused at {@code benctl stage}, not
 * lost at activation), and declared when a version becomes active, the moment its contracts take
 * effect. A staged version that is never deployed declares nothing, so a mistaken schema does not
 * take a type name for good.
 */
final class DeclaredEventTypes {

  private DeclaredEventTypes() {}

  /** Refuses the bundle when one of its types cannot be declared under one of its pipelines. */
  static void checkStaged(ContractSet contracts, EventLog log) {
    if (log == null) {
      return;
    }
    for (Pipeline pipeline : contracts.pipelines()) {
      for (EventType type : contracts.eventTypes()) {
        String name = EventTypeNames.qualified(pipeline.name(), type.name());
        try {
          log.checkDeclarable(name, type.schema());
        } catch (EventRefusedException refused) {
          throw new LedgerRefusal(
              refused.kind() == EventRefusedException.Kind.CONFLICT ? Kind.CONFLICT : Kind.INVALID,
              "bundle refused: event type "
                  + name
                  + ": "
                  + refused.getMessage()
                  + " (a type keeps its schema: declare the changed one under a new name)");
        }
      }
    }
  }

  /** The types the version's bundle declares; none when it no longer reads. */
  static List<EventType> of(Bundle bundle) {
    try {
      return ContractBundles.contracts(bundle, "activated").eventTypes();
    } catch (BundleRefusedException e) {
      return List.of(); // verified when staged; a runtime that no longer reads it declares nothing
    }
  }
}
