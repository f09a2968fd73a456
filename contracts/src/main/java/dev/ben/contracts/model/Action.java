package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a winning rule does with the event. Pass (no rule fired) is the absence of an action. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Action.Flag.class, name = "flag"),
  @JsonSubTypes.Type(value = Action.RouteLucius.class, name = "route_lucius"),
  @JsonSubTypes.Type(value = Action.Sample.class, name = "sample"),
  @JsonSubTypes.Type(value = Action.DropWithReason.class, name = "drop_with_reason")
})
public sealed interface Action {

  /** Short label used in results and explanations, e.g. {@code flag} or {@code sample(10)}. */
  String label();

  record Flag() implements Action {
    @Override
    public String label() {
      return "flag";
    }
  }

  record RouteLucius() implements Action {
    @Override
    public String label() {
      return "route_lucius";
    }
  }

  /** Keep one event in {@code n}. */
  record Sample(int n) implements Action {
    public Sample {
      Checks.positive(n, "sample rate");
    }

    @Override
    public String label() {
      return "sample(" + n + ")";
    }
  }

  /** Refuse the event; the reason is counted as a refusal. */
  record DropWithReason(String reason) implements Action {
    public DropWithReason {
      Checks.name(reason, "drop reason");
    }

    @Override
    public String label() {
      return "drop_with_reason(" + reason + ")";
    }
  }
}
