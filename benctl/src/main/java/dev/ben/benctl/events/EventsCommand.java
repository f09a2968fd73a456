package dev.ben.benctl.events;

import dev.ben.api.events.Event;
import dev.ben.api.events.EventList;
import dev.ben.api.events.Lineage;
import dev.ben.api.events.ReadRequest;
import dev.ben.api.events.TreeRequest;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.remote.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benctl events}: the event log, oldest first, and {@code benctl events tree ID}. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description =
        "List the event log's events (oldest first from --from), filtered by type, pipeline and"
            + " time; `events tree ID` draws an event's lineage.",
    subcommands = {EventsCommand.Tree.class, ComponentsCommand.class})
public final class EventsCommand extends EventLogCall {

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description = "Only events of these types (repeat or comma-separate), e.g. playbook.fired.")
  private List<String> types = new ArrayList<>();

  @Option(names = "--pipeline", paramLabel = "P", description = "Only events about pipeline P.")
  private String pipeline = "";

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Only events since T: a span back from now (15m, 2h, 7d) or an instant.")
  private String since;

  @Option(
      names = "--from",
      paramLabel = "POSITION",
      description = "Start at this position (the next position a previous listing printed).")
  private long from;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N events (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Override
  protected int run() {
    ReadRequest.Builder request =
        ReadRequest.newBuilder()
            .addAllTypes(types)
            .setPipeline(pipeline)
            .setFromPosition(from)
            .setLimit(limit);
    if (since != null) {
      try {
        request.setSinceMillis(SinceOption.parse(since, Instant.now()));
      } catch (IllegalArgumentException e) {
        throw CommandFailure.usage(e.getMessage());
      }
    }
    EventList list = events(c -> c.read(), request.build());
    if (output.json()) {
      var json = Json.object();
      var events = json.putArray("events");
      list.getEventsList().forEach(e -> events.add(EventViews.json(e)));
      json.put("next_position", list.getNextPosition()).put("more", list.getMore());
      out().print(Json.render(json));
      return ExitCode.OK;
    }
    Table table = Table.withHeaders("TIME", "TYPE", "SOURCE", "PIPELINE", "ENTRY", "ID");
    for (Event e : list.getEventsList()) {
      table.row(
          Target.time(Instant.ofEpochMilli(e.getCreatedAtMillis())),
          e.getType(),
          e.getSource(),
          e.getSubjects().getPipeline().isEmpty() ? "-" : e.getSubjects().getPipeline(),
          e.getEntry(),
          e.getId());
    }
    out().print(table.isEmpty() ? "no events match\n" : table.render());
    if (list.getMore()) {
      err().println("more events may match: add --from " + list.getNextPosition());
    }
    return ExitCode.OK;
  }

  /** {@code benctl events tree ID}. */
  @Command(
      name = "tree",
      mixinStandardHelpOptions = true,
      description =
          "Draw the lineage of event ID (or of the decisions taken on the stored event ID): its"
              + " ancestors, descendants, the stored event a decision was taken on, the contract"
              + " version's activation, deploy and staging, and each signal's delivery.")
  public static final class Tree extends EventLogCall {

    @Parameters(index = "0", paramLabel = "ID", description = "An event id.")
    private String id;

    @Override
    protected int run() {
      Lineage lineage = events(c -> c.tree(), TreeRequest.newBuilder().setId(id).build());
      out().print(output.json() ? Json.render(EventViews.json(lineage)) : EventViews.tree(lineage));
      return ExitCode.OK;
    }
  }
}
