package dev.ben.streams.sidecar.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.config.Cidr;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private static final ClientAddress BEHIND_PROXIES =
      new ClientAddress(
          List.of(Cidr.parse("10.0.0.0/8").orElseThrow(), Cidr.parse("::1").orElseThrow()));

  private static String client(ClientAddress resolver, String peer, String forwardedFor)
      throws Exception {
    return resolver
        .of(InetAddress.getByName(peer), Optional.ofNullable(forwardedFor))
        .getHostAddress();
  }

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() throws Exception {
    ClientAddress none = new ClientAddress(List.of());
    assertEquals("203.0.113.9", client(none, "203.0.113.9", "198.51.100.1"));
    assertEquals("10.0.0.2", client(none, "10.0.0.2", "198.51.100.1"));
  }

  @Test
  void anUntrustedPeerIsTheClientEvenWithAForwardedHeader() throws Exception {
    assertEquals("203.0.113.9", client(BEHIND_PROXIES, "203.0.113.9", "198.51.100.1"));
  }

  @Test
  void behindTrustedProxiesTheNearestUntrustedAddressIsTheClient() throws Exception {
    assertEquals("198.51.100.1", client(BEHIND_PROXIES, "10.0.0.2", "198.51.100.1"));
    assertEquals(
        "198.51.100.1", client(BEHIND_PROXIES, "10.0.0.2", "6.6.6.6, 198.51.100.1, 10.1.1.1"));
    assertEquals("198.51.100.1", client(BEHIND_PROXIES, "0:0:0:0:0:0:0:1", "198.51.100.1"));
  }

  @Test
  void whatCannotBeReadStopsTheWalkAtTheLastAddressBelieved() throws Exception {
    assertEquals("10.0.0.2", client(BEHIND_PROXIES, "10.0.0.2", null));
    assertEquals("10.0.0.2", client(BEHIND_PROXIES, "10.0.0.2", "evil.example"));
    assertEquals("10.1.1.1", client(BEHIND_PROXIES, "10.0.0.2", "evil.example, 10.1.1.1"));
  }
}
