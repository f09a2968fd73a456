package dev.ben.actors.pipeline;

import dev.ben.actors.NodeLocal;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Node-local directory of the pipelines that accept events here: ingest endpoints ask it where a pipeline's events
 * go in. A pipeline registers once its whole chain runs and withdraws when it stops, so a lookup never returns a
 * half-started pipeline.
 */
public final class PipelineDirectory {

  public sealed interface Command extends NodeLocal {}

  /**
   * Where one pipeline's events enter, the counters its sidecar reports refusals in, and whether a contract decides
   * its events (only then can an event be invoked synchronously).
   */
  public record Ingress(String pipeline, Sink<Envelope, NotUsed> sink, StageCounters sidecarCounters,
      boolean decides) {}

  public record Register(Ingress ingress) implements Command {}

  public record Withdraw(String pipeline) implements Command {}

  public record Lookup(String pipeline, ActorRef<LookupResult> replyTo) implements Command {}

  /** The pipeline's ingress if it runs here, and the names of those that do (for an actionable refusal). */
  public record LookupResult(Optional<Ingress> ingress, List<String> running) implements NodeLocal {}

  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(3);

  private PipelineDirectory() {}

  /** Asks where the pipeline's events enter on this node (the ingest endpoints' one question). */
  public static CompletionStage<LookupResult> lookup(ActorRef<Command> directory, String pipeline,
      ActorSystem<?> system) {
    return AskPattern.ask(directory, replyTo -> new Lookup(pipeline, replyTo), LOOKUP_TIMEOUT, system.scheduler());
  }

  public static Behavior<Command> create() {
    return running(new TreeMap<>());
  }

  private static Behavior<Command> running(TreeMap<String, Ingress> pipelines) {
    return Behaviors.receive(Command.class)
        .onMessage(Register.class, register -> onRegister(pipelines, register))
        .onMessage(Withdraw.class, withdraw -> onWithdraw(pipelines, withdraw))
        .onMessage(Lookup.class, lookup -> onLookup(pipelines, lookup))
        .build();
  }

  private static Behavior<Command> onRegister(TreeMap<String, Ingress> pipelines, Register register) {
    TreeMap<String, Ingress> next = new TreeMap<>(pipelines);
    next.put(register.ingress().pipeline(), register.ingress());
    return running(next);
  }

  private static Behavior<Command> onWithdraw(TreeMap<String, Ingress> pipelines, Withdraw withdraw) {
    TreeMap<String, Ingress> next = new TreeMap<>(pipelines);
    next.remove(withdraw.pipeline());
    return running(next);
  }

  private static Behavior<Command> onLookup(Map<String, Ingress> pipelines, Lookup lookup) {
    lookup.replyTo().tell(new LookupResult(
        Optional.ofNullable(pipelines.get(lookup.pipeline())), List.copyOf(pipelines.keySet())));
    return Behaviors.same();
  }
}
