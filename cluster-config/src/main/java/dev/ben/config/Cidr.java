package dev.ben.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of addresses written as {@code address/prefix} ({@code 10.0.0.0/8}, {@code fd00::/8}); a
 * bare address is a block of one. Only literal addresses are taken, never host names, so reading
 * settings never asks DNS.
 */
public record Cidr(byte[] network, int prefix) {

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  public Cidr {
    network = network.clone();
  }

  /** The block, or empty when {@code text} is not one. */
  public static Optional<Cidr> parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
      return Optional.empty();
    }
    try {
      byte[] address = InetAddress.getByName(parts[0]).getAddress();
      int bits = address.length * 8;
      int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
      return prefix < 0 || prefix > bits
          ? Optional.empty()
          : Optional.of(new Cidr(address, prefix));
    } catch (UnknownHostException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code address} is in the block (IPv4 and IPv6 never match each other). */
  public boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    if (other.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((other[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr
        && prefix == cidr.prefix
        && java.util.Arrays.equals(network, cidr.network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      return "?/" + prefix;
    }
  }
}
