package dev.ben.actors.ledger;

import dev.ben.actors.ledger.LedgerRefusal.Kind;
import dev.ben.api.control.LifecycleAction;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.PipelineStatus;
import java.util.Optional;

/**
 * Which header a lifecycle verb leads to, from the header as it is: pause only what is published,
 * resume what is paused or archived with a version to run, archive anything not yet archived,
 * delete anything. An empty result means the header is deleted. Pure functions; a verb that does
 * not fit is refused with what to do instead.
 */
final class LifecycleRules {

  private LifecycleRules() {}

  static Optional<PipelineHeader> apply(PipelineHeader header, LifecycleAction action) {
    String id = header.id();
    PipelineStatus status = header.status();
    switch (action) {
      case PAUSE:
        require(
            status == PipelineStatus.PUBLISHED,
            id
                + " is "
                + status
                + "; only a published pipeline can be "
                + "paused (deploy a version first)");
        return Optional.of(header.with(PipelineStatus.PAUSED, header.version()));
      case RESUME:
        require(status != PipelineStatus.PUBLISHED, id + " already runs");
        require(
            header.version() > 0,
            id
                + " is "
                + status.name().toLowerCase(java.util.Locale.ROOT)
                + " and has no version to run; deploy one: `benctl deploy "
                + id
                + "`");
        return Optional.of(header.with(PipelineStatus.PUBLISHED, header.version()));
      case ARCHIVE:
        require(status != PipelineStatus.ARCHIVED, id + " is already archived");
        return Optional.of(header.with(PipelineStatus.ARCHIVED, header.version()));
      case DELETE:
        return Optional.empty();
      default:
        throw new LedgerRefusal(
            Kind.INVALID,
            "unknown lifecycle action " + action + "; use pause, resume, archive or delete");
    }
  }

  static String pastTense(LifecycleAction action) {
    return switch (action) {
      case PAUSE -> "paused";
      case RESUME -> "resumed";
      case ARCHIVE -> "archived";
      case DELETE -> "deleted";
      default -> action.name();
    };
  }

  private static void require(boolean condition, String reason) {
    if (!condition) {
      throw new LedgerRefusal(Kind.CONFLICT, reason);
    }
  }
}
