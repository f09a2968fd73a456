package dev.ben.actors;

import java.util.function.Function;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * {@link Behaviors#setup} that names the actor's logger after the given class before anything can
 * log. Pekko otherwise names the logger after the first class of ours on the stack when the log is
 * first used; when that is a timer firing (a stack of Pekko classes only) the actor would log as
 * Pekko's {@code ActorCell}.
 */
public final class LoggerNaming {

  private LoggerNaming() {}

  public static <T> Behavior<T> setup(
      Class<?> owner, Function<ActorContext<T>, Behavior<T>> factory) {
    return Behaviors.setup(
        context -> {
          context.setLoggerName(owner);
          return factory.apply(context);
        });
  }
}
