package dev.ben.benctl.apps;

import dev.ben.api.control.App;
import dev.ben.api.control.AppsServiceClient;
import dev.ben.api.control.CreateAppReply;
import dev.ben.api.control.CreateAppRequest;
import dev.ben.api.control.ListAppsReply;
import dev.ben.api.control.ListAppsRequest;
import dev.ben.api.control.RevokeAppRequest;
import dev.ben.benctl.command.CommandGroup;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.remote.ControlCall;
import dev.ben.benctl.remote.ControlConnection;
import java.util.ArrayList;
import java.util.function.Function;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benctl apps create|list|revoke}: apps and their keys (admin role). */
@Command(
    name = "apps",
    mixinStandardHelpOptions = true,
    description =
        "Create apps with a key for sending events, list them, revoke their keys (admin).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {AppsCommand.Create.class, AppsCommand.List.class, AppsCommand.Revoke.class})
public final class AppsCommand extends CommandGroup {

  /** Server, credentials and output of every apps command. */
  abstract static class AppsCall extends ControlCall {

    protected <Q, R> R call(
        Function<AppsServiceClient, SingleResponseRequestBuilder<Q, R>> method, Q request) {
      return ControlConnection.apps(target(), timeout(), method, request);
    }
  }

  /** {@code benctl apps create NAME}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create an app and print its key, once: it is stored only as a hash and cannot be shown"
              + " again.")
  public static final class Create extends AppsCall {

    @Parameters(index = "0", paramLabel = "NAME", description = "The app's name.")
    private String name;

    @Option(
        names = "--beacon-origin",
        paramLabel = "ORIGIN",
        description =
            "An origin (scheme://host[:port]) whose pages may send the app's web beacons"
                + " (?site=NAME); repeat for more.")
    private java.util.List<String> origins = new ArrayList<>();

    @Override
    protected int run() {
      CreateAppReply reply =
          call(
              c -> c.create(),
              CreateAppRequest.newBuilder().setName(name).addAllBeaconOrigins(origins).build());
      if (output.json()) {
        out().print(Json.render(AppViews.json(reply.getApp()).put("key", reply.getKey())));
      } else {
        out().println(reply.getKey());
      }
      err()
          .println(
              "benctl apps create: the key of app `"
                  + name
                  + "` is shown this once and cannot be shown again; keep it secret (send it as"
                  + " `Authorization: Bearer KEY`)");
      return ExitCode.OK;
    }
  }

  /** {@code benctl apps list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the apps: when and by whom created, whether revoked. Keys are never shown.")
  public static final class List extends AppsCall {

    @Override
    protected int run() {
      ListAppsReply reply = call(c -> c.list(), ListAppsRequest.getDefaultInstance());
      if (output.json()) {
        var json = Json.object();
        var apps = json.putArray("apps");
        reply.getAppsList().forEach(app -> apps.add(AppViews.json(app)));
        out().print(Json.render(json));
        return ExitCode.OK;
      }
      Table table = Table.withHeaders("APP", "CREATED", "BY", "REVOKED", "BEACON ORIGINS");
      for (App app : reply.getAppsList()) {
        table.row(
            app.getName(),
            AppViews.time(app.getCreatedAtMillis()),
            app.getCreatedBy(),
            app.getRevoked() ? AppViews.time(app.getRevokedAtMillis()) : "-",
            app.getBeaconOriginsCount() == 0 ? "-" : String.join(",", app.getBeaconOriginsList()));
      }
      out()
          .print(
              table.isEmpty()
                  ? "no apps yet; create one with `benctl apps create NAME`\n"
                  : table.render());
      return ExitCode.OK;
    }
  }

  /** {@code benctl apps revoke NAME}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description =
          "Revoke an app's key: every node refuses it within ben.auth.app-cache-ttl. The name"
              + " stays taken.")
  public static final class Revoke extends AppsCall {

    @Parameters(index = "0", paramLabel = "NAME", description = "The app's name.")
    private String name;

    @Override
    protected int run() {
      App app = call(c -> c.revoke(), RevokeAppRequest.newBuilder().setName(name).build());
      if (output.json()) {
        out().print(Json.render(AppViews.json(app)));
      } else {
        out()
            .println(
                "revoked app " + app.getName() + " at " + AppViews.time(app.getRevokedAtMillis()));
      }
      return ExitCode.OK;
    }
  }
}
