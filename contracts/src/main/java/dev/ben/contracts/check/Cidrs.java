package dev.ben.contracts.check;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates CIDR blocks without name resolution (literal addresses only). */
final class Cidrs {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private Cidrs() {}

  /** Why the block is not valid for a field of the given ip type, or empty when it is. */
  static Optional<String> problem(String block, FieldType type) {
    int slash = block.indexOf('/');
    if (slash < 0) {
      return Optional.of("missing `/prefix`");
    }
    String address = block.substring(0, slash);
    int prefix;
    try {
      prefix = Integer.parseInt(block.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.of("the prefix `" + block.substring(slash + 1) + "` is not a number");
    }
    boolean v4 = IPV4.matcher(address).matches();
    if (v4) {
      for (String octet : address.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return Optional.of("octet " + octet + " is above 255");
        }
      }
    } else if (!address.contains(":") || !address.matches("[0-9A-Fa-f:.]+") || !parses(address)) {
      return Optional.of("`" + address + "` is not an IP address");
    }
    if (v4 != (type == FieldType.IPV4)) {
      return Optional.of("an " + (v4 ? "IPv4" : "IPv6") + " block cannot match an " + type.keyword() + " field");
    }
    int max = v4 ? 32 : 128;
    if (prefix < 0 || prefix > max) {
      return Optional.of("the prefix /" + prefix + " is outside 0.." + max);
    }
    return Optional.empty();
  }

  private static boolean parses(String literal) {
    try {
      // Only literal IPv6 text reaches here (checked above), so no DNS lookup can happen.
      InetAddress.getByName(literal);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
