package dev.ben.benctl.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.events.Component;
import dev.ben.api.events.ComponentList;
import dev.ben.api.events.ListComponentsRequest;
import dev.ben.benctl.command.CommandGroup;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import java.util.ArrayList;
import java.util.Comparator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl events components register|list}: the components the event log hands events to and
 * takes events from (admin role). A component is named after the principal whose token it uses.
 */
@Command(
    name = "components",
    mixinStandardHelpOptions = true,
    description =
        "Register the components that publish and consume events, and list them (admin). A"
            + " component is named after the user or identity whose token it calls with.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ComponentsCommand.Register.class, ComponentsCommand.List.class})
public final class ComponentsCommand extends CommandGroup {

  static ObjectNode json(Component component) {
    ObjectNode out = Json.object().put("name", component.getName());
    sorted(component.getPublishesList()).forEach(out.putArray("publishes")::add);
    sorted(component.getConsumesList()).forEach(out.putArray("consumes")::add);
    return out;
  }

  private static java.util.List<String> sorted(java.util.List<String> types) {
    return types.stream().sorted().toList();
  }

  private static String cell(java.util.List<String> types) {
    return types.isEmpty() ? "-" : String.join(",", sorted(types));
  }

  /** {@code benctl events components register NAME [--publish T,…] [--consume T,…]}. */
  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description =
          "Register component NAME (or replace its types) with the event types it may publish and"
              + " consume exactly once; every registered component may read every type.")
  public static final class Register extends EventLogCall {

    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "The component: the user or identity whose token it calls with.")
    private String name;

    @Option(
        names = "--publish",
        paramLabel = "TYPE",
        split = ",",
        description = "Types it may publish (repeat or comma-separate).")
    private java.util.List<String> publishes = new ArrayList<>();

    @Option(
        names = "--consume",
        paramLabel = "TYPE",
        split = ",",
        description = "Types it may consume exactly once, e.g. playbook.fired.")
    private java.util.List<String> consumes = new ArrayList<>();

    @Override
    protected int run() {
      Component registered =
          events(
              c -> c.registerComponent(),
              Component.newBuilder()
                  .setName(name)
                  .addAllPublishes(publishes)
                  .addAllConsumes(consumes)
                  .build());
      if (output.json()) {
        out().print(Json.render(json(registered)));
      } else {
        out()
            .println(
                "registered component "
                    + registered.getName()
                    + " (publishes: "
                    + cell(registered.getPublishesList())
                    + "; consumes: "
                    + cell(registered.getConsumesList())
                    + ")");
      }
      return ExitCode.OK;
    }
  }

  /** {@code benctl events components list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the registered components and the types each publishes and consumes.")
  public static final class List extends EventLogCall {

    @Override
    protected int run() {
      ComponentList reply =
          events(c -> c.listComponents(), ListComponentsRequest.getDefaultInstance());
      java.util.List<Component> components =
          reply.getComponentsList().stream()
              .sorted(Comparator.comparing(Component::getName))
              .toList();
      if (output.json()) {
        var json = Json.object();
        var array = json.putArray("components");
        components.forEach(component -> array.add(json(component)));
        out().print(Json.render(json));
        return ExitCode.OK;
      }
      Table table = Table.withHeaders("COMPONENT", "PUBLISHES", "CONSUMES");
      for (Component component : components) {
        table.row(
            component.getName(),
            cell(component.getPublishesList()),
            cell(component.getConsumesList()));
      }
      out().print(table.isEmpty() ? "no components registered\n" : table.render());
      return ExitCode.OK;
    }
  }
}
