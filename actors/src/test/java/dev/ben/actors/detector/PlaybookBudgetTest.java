package dev.ben.actors.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.actors.testing.ActorTestBase;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.model.PlaybookBound;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;

/**
 * One playbook's budget, asked by several shards: the bound holds for all of them together. Every
 * message is serialized as between members.
 */
class PlaybookBudgetTest extends ActorTestBase {

  private static final long MINUTE = 60_000;
  private static final String OK = BoundAdmission.ADMITTED;

  PlaybookBudgetTest() {
    super(SERIALIZE_MESSAGES);
  }

  private List<String> admit(
      ActorRef<PlaybookBudget.Command> budget, PlaybookBound bound, BoundRequest... requests) {
    // A fresh probe per ask: each stands for another shard, maybe on another member.
    TestProbe<PlaybookBudget.Admitted> caller = testKit.createTestProbe();
    budget.tell(new PlaybookBudget.Admit(bound, List.of(requests), caller.getRef()));
    return caller.receiveMessage().verdicts();
  }

  @Test
  void atMostNPerWindowHoldsAcrossCallers() {
    var budget = testKit.spawn(PlaybookBudget.create());
    PlaybookBound three = new PlaybookBound(3, MINUTE, 0, List.of());
    String full = "rate: already fired 3 times in the last 60000 ms, counted across the cluster";
    assertEquals(
        List.of(OK, OK), admit(budget, three, new BoundRequest("", 0), new BoundRequest("", 10)));
    assertEquals(
        List.of(OK, full),
        admit(budget, three, new BoundRequest("", 20), new BoundRequest("", 30)));
    assertEquals(List.of(full), admit(budget, three, new BoundRequest("", 59_999)));
    assertEquals(
        List.of(OK), admit(budget, three, new BoundRequest("", 60_000)), "the first one left");
  }

  @Test
  void cooldownIsPerScopeAcrossCallers() {
    var budget = testKit.spawn(PlaybookBudget.create());
    PlaybookBound cooling = new PlaybookBound(0, 0, 5 * MINUTE, List.of("user"));
    assertEquals(List.of(OK), admit(budget, cooling, new BoundRequest("user=ann", 0)));
    assertEquals(
        List.of(
            OK,
            "cooldown: fired for user=ann 1000 ms ago, cooldown is 300000 ms, counted across the"
                + " cluster"),
        admit(
            budget,
            cooling,
            new BoundRequest("user=bob", 500),
            new BoundRequest("user=ann", 1000)));
    assertEquals(List.of(OK), admit(budget, cooling, new BoundRequest("user=ann", 5 * MINUTE)));
  }

  @Test
  void eachBoundKeepsItsStateWhileVersionsWithDifferentBoundsRunSideBySide() {
    var budget = testKit.spawn(PlaybookBudget.create());
    PlaybookBound one = new PlaybookBound(1, MINUTE, 0, List.of());
    PlaybookBound two = new PlaybookBound(2, MINUTE, 0, List.of());
    assertEquals(List.of(OK), admit(budget, one, new BoundRequest("", 0)));
    assertEquals(
        List.of(OK, OK), admit(budget, two, new BoundRequest("", 1), new BoundRequest("", 2)));
    assertEquals(
        List.of("rate: already fired 1 times in the last 60000 ms, counted across the cluster"),
        admit(budget, one, new BoundRequest("", 3)),
        "the old version's bound was not reset by the new one's");
  }
}
