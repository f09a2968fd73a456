package dev.ben.actors.control;

import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import java.util.List;
import java.util.Optional;

/**
 * Which changes to people an admin may not make, whatever they ask: the cluster always keeps an
 * admin, and nobody locks themselves out (another admin has to take their role or account away).
 */
final class UserChanges {

  private UserChanges() {}

  /** Why {@code caller} may not give {@code target} the role {@code next}; empty when it may. */
  static Optional<String> refuseRole(
      String caller, StoredUser target, UserRole next, List<StoredUser> everyone) {
    if (target.role() != UserRole.ADMIN || next == UserRole.ADMIN) {
      return Optional.empty();
    }
    if (target.name().equals(caller)) {
      return Optional.of("you cannot lower your own role; ask another admin");
    }
    return lastAdmin(target, everyone, "lower the role of");
  }

  /** Why {@code caller} may not delete {@code target}; empty when it may. */
  static Optional<String> refuseDelete(
      String caller, StoredUser target, List<StoredUser> everyone) {
    if (target.name().equals(caller)) {
      return Optional.of("you cannot delete yourself; ask another admin");
    }
    return target.role() == UserRole.ADMIN
        ? lastAdmin(target, everyone, "delete")
        : Optional.empty();
  }

  private static Optional<String> lastAdmin(
      StoredUser target, List<StoredUser> everyone, String verb) {
    long admins = everyone.stream().filter(user -> user.role() == UserRole.ADMIN).count();
    if (admins > 1) {
      return Optional.empty();
    }
    return Optional.of(
        "`"
            + target.name()
            + "` is the last admin; make another user admin first (`benctl users set-role NAME"
            + " admin`), then "
            + verb
            + " `"
            + target.name()
            + "`");
  }
}
