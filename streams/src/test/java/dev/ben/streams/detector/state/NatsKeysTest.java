package dev.ben.streams.detector.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** KV keys are dot-separated tokens, so names are escaped into tokens and back. */
class NatsKeysTest {

  @Test
  void namesWithDotsAndOtherCharactersBecomeOneTokenAndComeBack() {
    for (String name : new String[] {"auth", "auth.eu-1", "a=b", "é/x y", "under_score"}) {
      String token = NatsShardStateStore.token(name);
      assertEquals(-1, token.indexOf('.'), token);
      assertEquals(true, token.matches("[A-Za-z0-9_=-]+"), token);
      assertEquals(name, NatsShardStateStore.name(token));
    }
  }

  @Test
  void aKeyIsPipelineShardSchemaFingerprint() {
    assertEquals(
        "auth=2Eeu.3.login.ab12",
        NatsShardStateStore.kvKey(new StateKey("auth.eu", 3, "login", "ab12")));
  }
}
