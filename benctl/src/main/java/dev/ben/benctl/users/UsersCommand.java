package dev.ben.benctl.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.CreateUserReply;
import dev.ben.api.control.CreateUserRequest;
import dev.ben.api.control.DeleteUserRequest;
import dev.ben.api.control.ListUsersReply;
import dev.ben.api.control.ListUsersRequest;
import dev.ben.api.control.Role;
import dev.ben.api.control.SetUserRoleRequest;
import dev.ben.api.control.User;
import dev.ben.api.control.UsersServiceClient;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.CommandGroup;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.remote.ControlCall;
import dev.ben.benctl.remote.ControlConnection;
import java.util.Locale;
import java.util.function.Function;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benctl users create|list|set-role|delete}: people and their roles (admin role). */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Create users with a generated password, list them, change their roles (admin).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      UsersCommand.Create.class,
      UsersCommand.List.class,
      UsersCommand.SetRole.class,
      UsersCommand.Delete.class
    })
public final class UsersCommand extends CommandGroup {

  private static final String ROLES = "viewer, operator or admin";

  /** Server, credentials and output of every users command. */
  abstract static class UsersCall extends ControlCall {

    protected <Q, R> R call(
        Function<UsersServiceClient, SingleResponseRequestBuilder<Q, R>> method, Q request) {
      return ControlConnection.users(target(), timeout(), method, request);
    }
  }

  static Role role(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "viewer" -> Role.VIEWER;
      case "operator" -> Role.OPERATOR;
      case "admin" -> Role.ADMIN;
      default -> throw CommandFailure.usage("`" + name + "` is not a role; use " + ROLES);
    };
  }

  static String label(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  static ObjectNode json(User user) {
    return Json.object().put("name", user.getName()).put("role", label(user.getRole()));
  }

  /** {@code benctl users create NAME --role ROLE}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a user and print a generated password, once: it is stored only as a hash and"
              + " cannot be shown again.")
  public static final class Create extends UsersCall {

    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    private String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "What the user may do: " + ROLES + ".")
    private String role;

    @Override
    protected int run() {
      CreateUserReply reply =
          call(
              c -> c.create(),
              CreateUserRequest.newBuilder().setName(name).setRole(role(role)).build());
      if (output.json()) {
        out().print(Json.render(json(reply.getUser()).put("password", reply.getPassword())));
      } else {
        out().println(reply.getPassword());
      }
      err()
          .println(
              "benctl users create: the password of `"
                  + name
                  + "` is shown this once and cannot be shown again; hand it over privately"
                  + " (they log in with `benctl login --user "
                  + name
                  + "`)");
      return ExitCode.OK;
    }
  }

  /** {@code benctl users list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the users and their roles. Passwords are never shown.")
  public static final class List extends UsersCall {

    @Override
    protected int run() {
      ListUsersReply reply = call(c -> c.list(), ListUsersRequest.getDefaultInstance());
      if (output.json()) {
        var json = Json.object();
        var users = json.putArray("users");
        reply.getUsersList().forEach(user -> users.add(json(user)));
        out().print(Json.render(json));
        return ExitCode.OK;
      }
      Table table = Table.withHeaders("USER", "ROLE");
      for (User user : reply.getUsersList()) {
        table.row(user.getName(), label(user.getRole()));
      }
      out().print(table.render());
      return ExitCode.OK;
    }
  }

  /** {@code benctl users set-role NAME ROLE}. */
  @Command(
      name = "set-role",
      mixinStandardHelpOptions = true,
      description =
          "Give a user another role. A lowered role refuses the user's tokens on every node within"
              + " ben.auth.user-cache-ttl; they log in again.")
  public static final class SetRole extends UsersCall {

    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    private String name;

    @Parameters(index = "1", paramLabel = "ROLE", description = "The new role: " + ROLES + ".")
    private String role;

    @Override
    protected int run() {
      User user =
          call(
              c -> c.setRole(),
              SetUserRoleRequest.newBuilder().setName(name).setRole(role(role)).build());
      if (output.json()) {
        out().print(Json.render(json(user)));
      } else {
        out().println(user.getName() + " is now " + label(user.getRole()));
      }
      return ExitCode.OK;
    }
  }

  /** {@code benctl users delete NAME}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Delete a user: their tokens are refused on every node within ben.auth.user-cache-ttl.")
  public static final class Delete extends UsersCall {

    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    private String name;

    @Override
    protected int run() {
      call(c -> c.delete(), DeleteUserRequest.newBuilder().setName(name).build());
      if (output.json()) {
        out().print(Json.render(Json.object().put("deleted", name)));
      } else {
        out().println("deleted user " + name);
      }
      return ExitCode.OK;
    }
  }
}
