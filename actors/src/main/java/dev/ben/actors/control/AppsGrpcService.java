package dev.ben.actors.control;

import dev.ben.api.control.App;
import dev.ben.api.control.AppsServicePowerApi;
import dev.ben.api.control.CreateAppReply;
import dev.ben.api.control.CreateAppRequest;
import dev.ben.api.control.ListAppsReply;
import dev.ben.api.control.ListAppsRequest;
import dev.ben.api.control.RevokeAppRequest;
import dev.ben.streams.auth.AppKeys;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.StoredApp;
import io.grpc.Status;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * Admins create apps (each with a key shown only in the reply), list them and revoke their keys.
 */
public final class AppsGrpcService implements AppsServicePowerApi {

  private final IdentityStore identities;
  private final AppKeys keys;
  private final AuthorizedCalls calls;
  private final ControlRequests checks;
  private final Clock clock;

  public AppsGrpcService(
      IdentityStore identities,
      AppKeys keys,
      Authorizer authorizer,
      ControlRequests checks,
      Executor blocking,
      Clock clock) {
    this.identities = identities;
    this.keys = keys;
    this.calls = new AuthorizedCalls(authorizer, blocking);
    this.checks = checks;
    this.clock = clock;
  }

  @Override
  public CompletionStage<CreateAppReply> create(CreateAppRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.CREATE_APP,
        who -> {
          checks.app(in.getName());
          List<String> origins = checks.beaconOrigins(in.getBeaconOriginsList());
          String key = keys.mint(in.getName());
          StoredApp app =
              new StoredApp(
                  in.getName(), AppKeys.hash(key), clock.instant(), who, Optional.empty(), origins);
          if (!identities.createApp(app)) {
            throw new GrpcServiceException(
                Status.ALREADY_EXISTS.withDescription(
                    "app `"
                        + in.getName()
                        + "` exists (see `benctl apps list`); choose another name"));
          }
          return CreateAppReply.newBuilder().setApp(app(app)).setKey(key).build();
        });
  }

  @Override
  public CompletionStage<ListAppsReply> list(ListAppsRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.LIST_APPS,
        who ->
            ListAppsReply.newBuilder()
                .addAllApps(identities.apps().stream().map(AppsGrpcService::app).toList())
                .build());
  }

  @Override
  public CompletionStage<App> revoke(RevokeAppRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.REVOKE_APP,
        who -> {
          checks.app(in.getName());
          return identities
              .revokeApp(in.getName(), clock.instant())
              .map(AppsGrpcService::app)
              .orElseThrow(
                  () ->
                      new GrpcServiceException(
                          Status.NOT_FOUND.withDescription(
                              "no app named `" + in.getName() + "`; see `benctl apps list`")));
        });
  }

  static App app(StoredApp app) {
    return App.newBuilder()
        .setName(app.name())
        .setCreatedAtMillis(app.created().toEpochMilli())
        .setCreatedBy(app.createdBy())
        .setRevoked(app.isRevoked())
        .setRevokedAtMillis(app.revoked().map(at -> at.toEpochMilli()).orElse(0L))
        .addAllBeaconOrigins(app.beaconOrigins())
        .build();
  }
}
