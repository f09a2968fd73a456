package dev.ben.actors.detector;

import dev.ben.config.Role;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.model.Playbook;
import dev.ben.streams.detector.state.ShardStateStore;
import dev.ben.streams.detector.state.StateKey;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;

/**
 * The playbook budgets as Cluster Sharding entities on the members with the detector role (never
 * passivated: their state is the bound; kept in the detector state store across moves and restarts,
 * under the shard {@link StateKey#PLAYBOOK_BUDGETS}), and how a shard asks them. A budget that does
 * not answer within the timeout suppresses the candidates (a signal is an action on the app, so
 * without a verdict none goes out), counted in {@value #UNAVAILABLE_FAMILY}.
 */
public final class PlaybookBudgets implements BoundAdmissions {

  public static final String UNAVAILABLE_FAMILY = "ben_playbook_bound_unavailable_total";

  private static final String UNAVAILABLE_HELP =
      "Candidate playbook firings suppressed because their cluster-wide budget did not answer.";

  private final ClusterSharding sharding;
  private final Duration timeout;
  private final MetricsRegistry metrics;

  /**
   * Starts this member's part of the sharding: the entities where it has the detector role, a proxy
   * elsewhere. Their state goes to {@code state}, written and read on {@code io}; {@code
   * stashCapacity} rounds wait while a budget reads it.
   */
  public PlaybookBudgets(
      ActorSystem<?> system,
      Duration timeout,
      MetricsRegistry metrics,
      ShardStateStore state,
      Executor io,
      int stashCapacity) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.metrics = metrics;
    sharding.init(
        Entity.of(
                PlaybookBudget.TYPE_KEY,
                entity ->
                    PlaybookBudget.create(
                        snapshots(entity.getEntityId(), state, io), stashCapacity))
            .withStopMessage(new PlaybookBudget.Stop())
            .withRole(Role.DETECTOR.configName())
            .withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy()));
  }

  /**
   * The entity {@code <pipeline>/<playbook>}: a pipeline's name holds no slash, a playbook's may.
   */
  private BudgetSnapshots snapshots(String entityId, ShardStateStore state, Executor io) {
    int slash = entityId.indexOf('/');
    return new BudgetSnapshots(
        state, io, metrics, entityId.substring(0, slash), entityId.substring(slash + 1));
  }

  @Override
  public BoundAdmission forPipeline(String pipeline) {
    return (playbook, requests) -> admit(pipeline, playbook, requests);
  }

  private CompletionStage<List<String>> admit(
      String pipeline, Playbook playbook, List<BoundRequest> requests) {
    return sharding
        .entityRefFor(PlaybookBudget.TYPE_KEY, pipeline + "/" + playbook.name())
        .<PlaybookBudget.Admitted>ask(
            replyTo -> new PlaybookBudget.Admit(playbook.bound(), requests, replyTo), timeout)
        .handle(
            (admitted, failure) ->
                failure == null
                    ? admitted.verdicts()
                    : unavailable(pipeline, playbook.name(), requests.size()));
  }

  private List<String> unavailable(String pipeline, String playbook, int candidates) {
    metrics
        .counter(
            UNAVAILABLE_FAMILY,
            UNAVAILABLE_HELP,
            Labels.of("pipeline", pipeline, "playbook", playbook))
        .inc(candidates);
    return Collections.nCopies(
        candidates,
        BoundAdmission.UNAVAILABLE
            + ": the playbook's cluster-wide budget did not answer within "
            + timeout.toMillis()
            + " ms");
  }
}
