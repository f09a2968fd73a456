package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BeaconOriginsTest {

  @ParameterizedTest
  @CsvSource({
    "https://shop.example, https://shop.example",
    "HTTPS://Shop.Example:443, https://shop.example",
    "http://shop.example:80/, http://shop.example",
    "http://localhost:8080, http://localhost:8080",
    "https://shop.example/cart?item=1, https://shop.example",
  })
  void originsAndPageAddressesHaveOneCanonicalOrigin(String text, String origin) {
    assertEquals(Optional.of(origin), BeaconOrigins.of(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "null", "shop.example", "ftp://shop.example", "https://user@shop.example"})
  void whatIsNoWebOriginHasNone(String text) {
    assertEquals(Optional.empty(), BeaconOrigins.of(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://shop.example/cart", "https://shop.example?x=1", "*"})
  void onlyBareOriginsCanBeRegistered(String text) {
    assertEquals(Optional.empty(), BeaconOrigins.registered(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://shop.example", "https://shop.example/"})
  void bareOriginsAreRegistered(String text) {
    assertEquals(Optional.of("https://shop.example"), BeaconOrigins.registered(text));
  }
}
