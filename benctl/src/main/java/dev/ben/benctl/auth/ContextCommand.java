package dev.ben.benctl.auth;

import dev.ben.benctl.command.CommandGroup;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.ConfigFile;
import dev.ben.benctl.config.Context;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.remote.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code benctl context list|use|delete}: the contexts in benctl's configuration file. */
@Command(
    name = "context",
    mixinStandardHelpOptions = true,
    description = "List the contexts, choose the current one, or delete one.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ContextCommand.List.class,
      ContextCommand.Use.class,
      ContextCommand.Delete.class
    })
public final class ContextCommand extends CommandGroup {

  /** {@code benctl context list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the contexts; the current one is marked with *. Tokens are never shown.")
  public static final class List extends Subcommand {

    @Mixin private OutputOptions output;

    @Override
    protected int run() {
      ConfigFile file = ConfigFile.of(environment());
      BenctlConfig config = file.load();
      if (output.json()) {
        var json = Json.object().put("config", file.path().toString());
        json.put("current_context", config.currentContext());
        var contexts = json.putArray("contexts");
        for (Context context : config.contexts()) {
          var entry = contexts.addObject().put("name", context.name());
          entry.put("server", context.server()).put("user", context.user());
          entry.put("current", context.name().equals(config.currentContext()));
          entry.put("logged_in", context.token() != null);
          entry.put(
              "token_expires",
              context.tokenExpires() == null ? null : Target.time(context.tokenExpires()));
        }
        out().print(Json.render(json));
        return ExitCode.OK;
      }
      if (config.contexts().isEmpty()) {
        out().println("no contexts yet; `benctl login --server HOST:PORT` makes one");
        return ExitCode.OK;
      }
      var table = Table.withHeaders("CURRENT", "NAME", "SERVER", "USER");
      for (Context context : config.contexts()) {
        boolean current = context.name().equals(config.currentContext());
        table.row(current ? "*" : "", context.name(), context.server(), context.user());
      }
      out().print(table.render());
      return ExitCode.OK;
    }
  }

  /** {@code benctl context use NAME}. */
  @Command(
      name = "use",
      mixinStandardHelpOptions = true,
      description = "Make a context the current one, used by commands without --context.")
  public static final class Use extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The context.")
    private String name;

    @Override
    protected int run() {
      ConfigFile file = ConfigFile.of(environment());
      BenctlConfig changed = file.load().withCurrent(name);
      file.save(changed);
      out().println("Switched to context '" + name + "' (" + changed.require(name).server() + ").");
      return ExitCode.OK;
    }
  }

  /** {@code benctl context delete NAME}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a context and its token.")
  public static final class Delete extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The context.")
    private String name;

    @Override
    protected int run() {
      ConfigFile file = ConfigFile.of(environment());
      BenctlConfig config = file.load();
      BenctlConfig changed = config.without(name);
      file.save(changed);
      boolean wasCurrent = name.equals(config.currentContext());
      out()
          .println(
              "Deleted context '"
                  + name
                  + "'."
                  + (wasCurrent ? " No context is current now; `benctl context use NAME`." : ""));
      return ExitCode.OK;
    }
  }
}
