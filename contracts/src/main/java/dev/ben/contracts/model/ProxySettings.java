package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The one proxy configuration of a pipeline: bounded buffer, watermarks (fractions), overload
 * policy, batch size.
 */
@JsonPropertyOrder({"buffer", "highWatermark", "lowWatermark", "overload", "coalesce"})
public record ProxySettings(
    int buffer, double highWatermark, double lowWatermark, OverloadPolicy overload, int coalesce) {

  public ProxySettings {
    Checks.positive(buffer, "proxy buffer");
    Checks.positive(coalesce, "proxy coalesce");
    Checks.present(overload, "proxy overload policy");
    if (!(lowWatermark >= 0 && lowWatermark < highWatermark && highWatermark <= 1)) {
      throw new IllegalArgumentException(
          "proxy watermarks need 0 <= low < high <= 1, got low "
              + lowWatermark
              + " high "
              + highWatermark);
    }
  }
}
