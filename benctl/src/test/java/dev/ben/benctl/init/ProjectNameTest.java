package dev.ben.benctl.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProjectNameTest {

  @Test
  void validFolderNamesAreKeptAsTheyAre() {
    for (String name : new String[] {"auth", "web-beacons", "shop_2", "a"}) {
      assertEquals(name, ProjectName.derive(name));
      assertTrue(ProjectName.isValid(name), name);
    }
  }

  @Test
  void otherFolderNamesAreMadeValid() {
    assertEquals("my-shop", ProjectName.derive("My Shop"));
    assertEquals("cafe-creme", ProjectName.derive("Café Crème"));
    assertEquals("shop", ProjectName.derive("2024_Shop!"));
    assertEquals("payments-api", ProjectName.derive("Payments.API"));
    assertEquals("a-b", ProjectName.derive("a -- b"));
    assertEquals("x", ProjectName.derive("-x-"));
  }

  @Test
  void namesWithNothingUsableFallBackAndLongOnesAreCut() {
    assertEquals("project", ProjectName.derive("___"));
    assertEquals("project", ProjectName.derive("日本"));
    assertEquals("project", ProjectName.derive(null));
    String derived = ProjectName.derive("a".repeat(62) + "-bcd");
    assertEquals("a".repeat(62), derived, "cut to 63 characters without a trailing dash");
    assertTrue(ProjectName.isValid(derived));
  }

  @Test
  void validityFollowsBenProject() {
    for (String name : new String[] {"My", "1abc", "-x", "", "a b", "a.b", "a".repeat(64)}) {
      assertFalse(ProjectName.isValid(name), name);
    }
    assertTrue(ProjectName.isValid("a".repeat(63)));
  }
}
