package dev.ben.actors.orchestrator;

import dev.ben.actors.NodeLocal;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * How the orchestrator acts: the protocol of its executor, a child actor it is given. The default
 * executor spawns the component hierarchies as actors on the cluster members with the right role; a
 * process or Kubernetes executor would speak the same protocol. Every command is idempotent, so the
 * orchestrator repeats them on each reconciliation round instead of tracking what it already sent.
 */
public final class PipelineExecutor {

  private PipelineExecutor() {}

  /**
   * Open, so an executor can add messages of its own (listings, process events) to the same
   * protocol.
   */
  public interface Command extends NodeLocal {}

  /**
   * Make the pipeline run, hold or stop everywhere it is placed; start order detectors, spines,
   * proxies, sidecars.
   */
  public record Ensure(PipelineIntent intent) implements Command {}

  /**
   * Which components run the pipeline's contracts once it runs: those that must acknowledge a new
   * version.
   */
  public record Place(String pipeline, ActorRef<Placement> replyTo) implements Command {}

  /** The components that hold the pipeline's contracts where it is placed, sorted. */
  public record Placement(String pipeline, List<String> components)
      implements dev.ben.actors.ClusterSerializable {

    public Placement {
      components = List.copyOf(components);
    }
  }
}
