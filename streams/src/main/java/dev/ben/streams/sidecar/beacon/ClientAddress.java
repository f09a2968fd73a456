package dev.ben.streams.sidecar.beacon;

import dev.ben.config.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a beacon came from, as anonymisation uses it: the TCP peer, unless the peer is a
 * trusted proxy; then {@code X-Forwarded-For} read from the right (each proxy appends the address
 * it saw), skipping trusted proxies, and the first other address is the client. Anything left of
 * that address was written by the client itself and is never believed.
 */
public final class ClientAddress {

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final List<Cidr> trustedProxies;

  public ClientAddress(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** The client's address; the peer's own when no believable forwarded address is given. */
  public InetAddress of(InetAddress peer, Optional<String> forwardedFor) {
    if (!trusted(peer) || forwardedFor.isEmpty()) {
      return peer;
    }
    String[] hops = forwardedFor.get().split(",");
    InetAddress client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(hops[i].strip());
      if (hop.isEmpty()) {
        return client;
      }
      client = hop.get();
      if (!trusted(client)) {
        return client;
      }
    }
    return client;
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(block -> block.contains(address));
  }

  /** Only literal addresses: a name in the header must never make the node ask DNS. */
  private static Optional<InetAddress> literal(String text) {
    if (!LITERAL.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
