package dev.ben.contracts.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Validation of IP address and CIDR literals, without ever touching DNS. */
public final class NetworkLiterals {
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

  private NetworkLiterals() {}

  /** True for a dotted-quad IPv4 address such as {@code 10.0.0.1}. */
  public static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255
          || (part.length() > 1 && part.charAt(0) == '0')) {
        return false;
      }
    }
    return true;
  }

  /** True for an IPv6 address in any standard notation. */
  public static boolean isIpv6(String text) {
    if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
      return false;
    }
    try {
      // Only hex digits, colons and dots reach here, so this parses a literal and never resolves a
      // name.
      return InetAddress.getByName(text).getAddress().length == 16 || text.startsWith("::ffff:");
    } catch (UnknownHostException | IllegalArgumentException malformed) {
      return false;
    }
  }

  /**
   * Describes what is wrong with a CIDR block, or returns null when it is valid for the given
   * family ({@code ipv6 == false} means IPv4).
   */
  public static String cidrProblem(String block, boolean ipv6) {
    int slash = block.indexOf('/');
    if (slash < 0) {
      return "malformed cidr \"" + block + "\": expected ADDRESS/PREFIX such as \"10.0.0.0/8\"";
    }
    String address = block.substring(0, slash);
    String prefix = block.substring(slash + 1);
    boolean v4 = isIpv4(address);
    boolean v6 = !v4 && isIpv6(address);
    if (!v4 && !v6) {
      return "malformed cidr \"" + block + "\": `" + address + "` is not an IP address";
    }
    int maxPrefix = v4 ? 32 : 128;
    if (prefix.isEmpty()
        || prefix.length() > 3
        || !prefix.chars().allMatch(Character::isDigit)
        || Integer.parseInt(prefix) > maxPrefix) {
      return "malformed cidr \"" + block + "\": the prefix length must be 0.." + maxPrefix;
    }
    if (v4 == ipv6) {
      return "cidr \""
          + block
          + "\" is "
          + (v4 ? "IPv4" : "IPv6")
          + " but the field is "
          + (ipv6 ? "ipv6" : "ipv4");
    }
    return null;
  }
}
