package dev.ben.actors;

import dev.ben.config.SupervisionSettings;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.RestartSettings;

/**
 * The node's one restart policy ({@code ben.supervision}), for actors and for streams that read
 * from other servers, so every failure is retried with the same growing, randomised pauses.
 */
public final class Supervision {

  private Supervision() {}

  /** The behavior, restarted after each failure with backoff. */
  public static <T> Behavior<T> restartWithBackoff(
      Behavior<T> behavior, SupervisionSettings settings) {
    return Behaviors.supervise(behavior)
        .onFailure(
            SupervisorStrategy.restartWithBackoff(
                settings.minBackoff(), settings.maxBackoff(), settings.randomFactor()));
  }

  /** The same backoff for {@code RestartSource} and its kin. */
  public static RestartSettings restartSettings(SupervisionSettings settings) {
    return RestartSettings.create(
        settings.minBackoff(), settings.maxBackoff(), settings.randomFactor());
  }
}
