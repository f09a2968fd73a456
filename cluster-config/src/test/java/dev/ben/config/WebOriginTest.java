package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebOriginTest {

  @Test
  void spellingsOfOneOriginShareOneCanonicalForm() {
    assertEquals(
        Optional.of("https://bux.example.com"), WebOrigin.canonical("HTTPS://Bux.EXAMPLE.com:443"));
    assertEquals(
        Optional.of("http://127.0.0.1:8080"), WebOrigin.canonical(" http://127.0.0.1:8080 "));
    assertEquals(Optional.of("http://[::1]:8080"), WebOrigin.canonical("http://[::1]:8080"));
    assertEquals(Optional.of("http://localhost"), WebOrigin.canonical("http://localhost:80"));
  }

  @Test
  void whatIsNoHttpOriginHasNone() {
    for (String notOne :
        new String[] {
          "null", "", "file:///etc", "https://a.example/path", "https://u@a.example", "https://a?x"
        }) {
      assertEquals(Optional.empty(), WebOrigin.canonical(notOne), notOne);
    }
    assertEquals(Optional.empty(), WebOrigin.canonical(null));
  }

  @Test
  void theOriginOfAHostHeaderFollowsTheScheme() {
    assertEquals(Optional.of("http://127.0.0.1:8080"), WebOrigin.ofHost("http", "127.0.0.1:8080"));
    assertEquals(
        Optional.of("https://bux.example.com"), WebOrigin.ofHost("https", "bux.example.com:443"));
    assertEquals(Optional.empty(), WebOrigin.ofHost("http", "evil.example/x"));
    assertEquals(Optional.empty(), WebOrigin.ofHost("http", ""));
  }
}
