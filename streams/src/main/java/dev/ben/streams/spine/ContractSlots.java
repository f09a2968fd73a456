package dev.ben.streams.spine;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The contract slot of every pipeline running on this member, so components that are not part of a
 * pipeline's stream (the detector shards placed here) find the contract versions the member has
 * loaded. A pipeline's new incarnation replaces its slot.
 */
public final class ContractSlots {

  private final ConcurrentMap<String, ContractSlot> slots = new ConcurrentHashMap<>();

  /** A fresh slot for a starting pipeline, replacing the one of its previous incarnation. */
  public ContractSlot open(String pipeline) {
    ContractSlot slot = new ContractSlot(pipeline);
    slots.put(pipeline, slot);
    return slot;
  }

  public Optional<ContractSlot> of(String pipeline) {
    return Optional.ofNullable(slots.get(pipeline));
  }
}
