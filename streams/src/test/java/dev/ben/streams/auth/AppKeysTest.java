package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppKeysTest {

  private final AppKeys keys = new AppKeys(new SecureRandom());

  @ParameterizedTest
  @ValueSource(strings = {"shop", "my_app", "a", "billing.v2-eu", "x_"})
  void aMintedKeyNamesItsApp(String app) {
    String key = keys.mint(app);
    assertTrue(key.startsWith("ben_app_" + app + "_"), key);
    assertEquals(AppKeys.PREFIX.length() + app.length() + 1 + AppKeys.SECRET_CHARS, key.length());
    assertEquals(Optional.of(app), AppKeys.appOf(key));
  }

  @Test
  void everyKeyIsNewAndMatchesOnlyItsOwnHash() {
    String one = keys.mint("shop");
    String two = keys.mint("shop");
    assertNotEquals(one, two);
    assertTrue(AppKeys.matches(one, AppKeys.hash(one)));
    assertFalse(AppKeys.matches(two, AppKeys.hash(one)));
    assertEquals(64, AppKeys.hash(one).length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "shop",
        "ben_app_",
        "ben_app_shop",
        "ben_app_shop_tooShort",
        "ben_app__AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "ben_app_shop-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "ben_app_shop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "ben_app_sh op_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "ben_app_a..b_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "ben_app_.a_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Bearer ben_app_shop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void textThatIsNotAKeyNamesNoApp(String text) {
    assertEquals(Optional.empty(), AppKeys.appOf(text));
  }

  @Test
  void onlyValidAppNamesGetKeys() {
    assertThrows(IllegalArgumentException.class, () -> keys.mint("bad name"));
    assertThrows(IllegalArgumentException.class, () -> keys.mint("trailing."));
  }
}
