package dev.ben.actors.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.events.ClaimReply;
import dev.ben.api.events.ClaimRequest;
import dev.ben.api.events.Component;
import dev.ben.api.events.ConsumerStatus;
import dev.ben.api.events.Event;
import dev.ben.api.events.EventLogServiceClient;
import dev.ben.api.events.EventRef;
import dev.ben.api.events.ListComponentsRequest;
import dev.ben.api.events.MoveRequest;
import dev.ben.api.events.PublishRequest;
import dev.ben.api.events.ReadRequest;
import dev.ben.api.events.Subjects;
import dev.ben.api.events.TreeRequest;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.eventlog.EventRefusedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event log's gRPC service on a whole node: who may publish, consume and read, and as whom. */
@CapturedLogs
class EventLogServiceTest {

  private static final String FIRED =
      "{\"playbook\":\"lockout\",\"actions\":[\"lock\"],\"event_id\":\"row-1\"}";

  private static TestNode node;
  private static EventLogServiceClient events;

  @BeforeAll
  static void start() throws Exception {
    node = new TestNode("ben.node.pass-through-pipelines = []", batch -> {});
    events =
        EventLogServiceClient.create(
            GrpcClientSettings.connectToServiceAt(
                    "127.0.0.1", node.endpoints.control().port(), node.system)
                .withTls(false),
            node.system);
    user("responder", UserRole.VIEWER);
    user("stranger", UserRole.VIEWER);
    await(
        as(
            admin(),
            events.registerComponent(),
            Component.newBuilder()
                .setName("responder")
                .addPublishes("playbook.fired")
                .addConsumes("playbook.fired")
                .build()));
  }

  @AfterAll
  static void stop() throws Exception {
    events.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  private static void user(String name, UserRole role) {
    node.identities().createUser(new StoredUser(name, role, "unused"));
  }

  private static String admin() {
    return "Bearer " + node.adminToken();
  }

  private static String tokenOf(String name) {
    return "Bearer " + node.tokens().issue(name, UserRole.VIEWER).token();
  }

  private static <Q, R> CompletionStage<R> as(
      String authorization, SingleResponseRequestBuilder<Q, R> call, Q request) {
    return call.addHeader("authorization", authorization).invoke(request);
  }

  private static PublishRequest fired(String pipeline) {
    return PublishRequest.newBuilder()
        .setType("playbook.fired")
        .setEntry("lockout for k1")
        .setDataJson(FIRED)
        .setSubjects(Subjects.newBuilder().setPipeline(pipeline).setContractVersion("2"))
        .build();
  }

  private static <T> T await(CompletionStage<T> call) throws Exception {
    return call.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static Status refusal(CompletionStage<?> call) throws Exception {
    try {
      await(call);
    } catch (ExecutionException e) {
      return ((StatusRuntimeException) e.getCause()).getStatus();
    }
    throw new AssertionError("the call was not refused");
  }

  @Test
  void aCallWithoutTokenIsUnauthenticated() throws Exception {
    Status status = refusal(events.publish().invoke(fired("auth")));
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertEquals(
        Status.Code.UNAUTHENTICATED,
        refusal(events.read().invoke(ReadRequest.getDefaultInstance())).getCode());
  }

  @Test
  void anUnregisteredPrincipalCannotPublishOrClaim() throws Exception {
    Status publish = refusal(as(tokenOf("stranger"), events.publish(), fired("auth")));
    assertEquals(Status.Code.PERMISSION_DENIED, publish.getCode());
    assertTrue(
        publish.getDescription().contains("`stranger` is not a registered component"),
        publish.getDescription());
    Status claim =
        refusal(
            as(
                tokenOf("stranger"),
                events.claim(),
                ClaimRequest.newBuilder().addTypes("playbook.fired").build()));
    assertEquals(Status.Code.PERMISSION_DENIED, claim.getCode());
  }

  @Test
  void theSourceIsThePrincipalWhateverTheRequest() throws Exception {
    Event published = await(as(tokenOf("responder"), events.publish(), fired("auth")));
    assertEquals("responder", published.getSource());
    assertEquals("auth", published.getSubjects().getPipeline());
    Event read =
        await(
            as(
                tokenOf("stranger"),
                events.get(),
                EventRef.newBuilder().setId(published.getId()).build()));
    assertEquals(published, read, "any role reads");
  }

  @Test
  void onlyAnAdminRegistersComponentsAndAllAreListed() throws Exception {
    Status status =
        refusal(
            as(
                tokenOf("responder"),
                events.registerComponent(),
                Component.newBuilder().setName("responder").addPublishes("case.opened").build()));
    assertEquals(Status.Code.PERMISSION_DENIED, status.getCode());
    var listed =
        await(as(admin(), events.listComponents(), ListComponentsRequest.getDefaultInstance()));
    assertTrue(
        listed.getComponentsList().stream()
            .anyMatch(
                c ->
                    c.getName().equals("responder")
                        && c.getConsumesList().contains("playbook.fired")),
        listed.toString());
    Status undeclared =
        refusal(
            as(
                admin(),
                events.registerComponent(),
                Component.newBuilder().setName("x").addPublishes("no.such").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, undeclared.getCode());
    assertTrue(undeclared.getDescription().contains("no.such"), undeclared.getDescription());
  }

  @Test
  void dataItsSchemaRefusesIsInvalidNamingTheField() throws Exception {
    Status status =
        refusal(
            as(
                tokenOf("responder"),
                events.publish(),
                fired("auth").toBuilder().setDataJson("{\"playbook\":\"x\"}").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
    assertTrue(status.getDescription().startsWith("/data/actions"), status.getDescription());
  }

  @Test
  void aClaimedEventMovesToSucceededAndIsNotHandedOutAgain() throws Exception {
    String responder = tokenOf("responder");
    Event published = await(as(responder, events.publish(), fired("claims")));
    ClaimRequest claim = ClaimRequest.newBuilder().addTypes("playbook.fired").setLimit(100).build();
    ClaimReply first = await(as(responder, events.claim(), claim));
    assertTrue(
        first.getClaimsList().stream()
            .anyMatch(c -> c.getEvent().getId().equals(published.getId())));
    for (ConsumerStatus next :
        new ConsumerStatus[] {ConsumerStatus.IN_PROGRESS, ConsumerStatus.SUCCEEDED}) {
      var moved =
          await(
              as(
                  responder,
                  events.move(),
                  MoveRequest.newBuilder().setEventId(published.getId()).setStatus(next).build()));
      assertEquals(next, moved.getStatus());
      assertEquals("responder", moved.getConsumer());
    }
    ClaimReply again = await(as(responder, events.claim(), claim));
    assertTrue(
        again.getClaimsList().stream()
            .noneMatch(c -> c.getEvent().getId().equals(published.getId())));
    Status backwards =
        refusal(
            as(
                responder,
                events.move(),
                MoveRequest.newBuilder()
                    .setEventId(published.getId())
                    .setStatus(ConsumerStatus.IN_PROGRESS)
                    .build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, backwards.getCode());
    var statuses =
        await(
            as(
                tokenOf("stranger"),
                events.statuses(),
                EventRef.newBuilder().setId(published.getId()).build()));
    assertEquals(ConsumerStatus.SUCCEEDED, statuses.getStatuses(0).getStatus());
  }

  @Test
  void readsFilterByPipelineAndTreesStartFromAnyId() throws Exception {
    String responder = tokenOf("responder");
    Event shop = await(as(responder, events.publish(), fired("shop")));
    await(as(responder, events.publish(), fired("other")));
    var read =
        await(
            as(
                tokenOf("stranger"),
                events.read(),
                ReadRequest.newBuilder().setPipeline("shop").addTypes("playbook.fired").build()));
    assertEquals(1, read.getEventsCount());
    assertEquals(shop.getId(), read.getEvents(0).getId());
    var tree =
        await(as(responder, events.tree(), TreeRequest.newBuilder().setId(shop.getId()).build()));
    assertEquals(shop.getId(), tree.getRoot().getEvent().getId());
    assertEquals("caused_by", tree.getRoot().getChildren(0).getRelation());
    assertEquals("row-1", tree.getRoot().getChildren(0).getReference());
    Status missing =
        refusal(as(responder, events.get(), EventRef.newBuilder().setId("nope").build()));
    assertEquals(Status.Code.NOT_FOUND, missing.getCode());
    Status tooMany =
        refusal(as(responder, events.read(), ReadRequest.newBuilder().setLimit(100_000).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, tooMany.getCode());
    assertTrue(tooMany.getDescription().startsWith("/limit"), tooMany.getDescription());
  }

  @Test
  void everyRefusalKindHasItsStatus() {
    assertEquals(Status.INVALID_ARGUMENT, EventLogCalls.status(EventRefusedException.Kind.INVALID));
    assertEquals(
        Status.PERMISSION_DENIED, EventLogCalls.status(EventRefusedException.Kind.UNREGISTERED));
    assertEquals(Status.NOT_FOUND, EventLogCalls.status(EventRefusedException.Kind.NOT_FOUND));
    assertEquals(
        Status.FAILED_PRECONDITION, EventLogCalls.status(EventRefusedException.Kind.CONFLICT));
  }
}
