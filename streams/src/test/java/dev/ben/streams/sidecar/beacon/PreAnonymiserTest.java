package dev.ben.streams.sidecar.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreAnonymiserTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private final PreAnonymiser anonymiser = new PreAnonymiser(new byte[32]);

  @Test
  void addressesKeepOnlyTheirNetwork() {
    assertEquals(Optional.of("198.51.100.0"), anonymiser.generaliseIp("198.51.100.77"));
    assertEquals(
        Optional.of("2001:db8:85a3::"),
        anonymiser.generaliseIp("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
    assertEquals(
        Optional.empty(), anonymiser.generaliseIp("example.com"), "names are never resolved");
    assertEquals(Optional.empty(), anonymiser.generaliseIp(""));
    assertEquals(Optional.empty(), anonymiser.generaliseIp("999.1.1.1"));
  }

  @Test
  void aVisitorIsTheSameAllDayAndUnrelatedTheNextDay() {
    String today = anonymiser.visitor("v-123", DAY);
    assertEquals(today, anonymiser.visitor("v-123", DAY));
    assertNotEquals(today, anonymiser.visitor("v-123", DAY.plusDays(1)));
    assertNotEquals(today, anonymiser.visitor("v-124", DAY));
    assertNotEquals(
        today, new PreAnonymiser(filled(7)).visitor("v-123", DAY), "another secret, another hash");
    assertEquals(32, today.length());
  }

  @Test
  void anEventLosesItsAddressAndVisitorInClear() {
    ObjectNode event =
        JsonNodeFactory.instance
            .objectNode()
            .put("client_ip", "203.0.113.9")
            .put("user_agent", "Mozilla/5.0")
            .put("path", "/");
    anonymiser.apply(event, DAY);
    assertEquals("203.0.113.0", event.get("client_ip").asText());
    assertEquals(anonymiser.visitor("203.0.113.9|Mozilla/5.0", DAY), event.get("visitor").asText());
    ObjectNode named =
        JsonNodeFactory.instance.objectNode().put("client_ip", "not an ip").put("visitor", "v-1");
    anonymiser.apply(named, DAY);
    assertFalse(named.has("client_ip"));
    assertEquals(anonymiser.visitor("v-1", DAY), named.get("visitor").asText());
  }

  @Test
  void aShortSecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PreAnonymiser(new byte[8]));
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
