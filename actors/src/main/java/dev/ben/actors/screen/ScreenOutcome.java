package dev.ben.actors.screen;

import dev.ben.contracts.screen.ScreenMatch;
import java.util.List;

/** What a screening came to: the matches with the version that answered, or a refusal. */
public sealed interface ScreenOutcome {

  record Answered(
      String pipeline, long version, String list, String name, List<ScreenMatch> matches)
      implements ScreenOutcome {
    public Answered {
      matches = List.copyOf(matches);
    }
  }

  record Refused(ScreenRefusal refusal, String message) implements ScreenOutcome {}
}
