package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which changes to people {@link UserChanges} refuses, without a node. */
class UserChangesTest {

  private static final StoredUser ADA = new StoredUser("ada", UserRole.ADMIN, "h");
  private static final StoredUser BEN = new StoredUser("ben", UserRole.ADMIN, "h");
  private static final StoredUser VERA = new StoredUser("vera", UserRole.VIEWER, "h");

  @Test
  void theLastAdminIsNeitherDeletedNorDemoted() {
    List<StoredUser> oneAdmin = List.of(ADA, VERA);
    String delete = UserChanges.refuseDelete("someone", ADA, oneAdmin).orElseThrow();
    assertTrue(delete.contains("last admin"), delete);
    String demote =
        UserChanges.refuseRole("someone", ADA, UserRole.OPERATOR, oneAdmin).orElseThrow();
    assertTrue(demote.contains("last admin"), demote);
  }

  @Test
  void nobodyDeletesOrDemotesThemselves() {
    List<StoredUser> twoAdmins = List.of(ADA, BEN, VERA);
    assertTrue(UserChanges.refuseDelete("ada", ADA, twoAdmins).orElseThrow().contains("yourself"));
    assertTrue(
        UserChanges.refuseRole("ada", ADA, UserRole.VIEWER, twoAdmins)
            .orElseThrow()
            .contains("your own role"));
    assertEquals(Optional.empty(), UserChanges.refuseRole("ada", ADA, UserRole.ADMIN, twoAdmins));
  }

  @Test
  void withAnotherAdminLeftOtherPeopleMayBeChanged() {
    List<StoredUser> twoAdmins = List.of(ADA, BEN, VERA);
    assertEquals(Optional.empty(), UserChanges.refuseDelete("ada", BEN, twoAdmins));
    assertEquals(Optional.empty(), UserChanges.refuseRole("ada", BEN, UserRole.VIEWER, twoAdmins));
    assertEquals(Optional.empty(), UserChanges.refuseDelete("ada", VERA, List.of(ADA, VERA)));
    assertEquals(
        Optional.empty(), UserChanges.refuseRole("ada", VERA, UserRole.ADMIN, List.of(ADA, VERA)));
  }
}
