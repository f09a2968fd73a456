package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Where a pipeline's events land, and whether the front-end replica is maintained. */
@JsonPropertyOrder({"table", "replica"})
public record StoreSettings(String table, boolean replica) {

  public StoreSettings {
    Checks.name(table, "store table");
  }
}
