package dev.ben.contracts.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written IP parser against the JDK's: every address the JDK prints is read to the same
 * bits, and whatever random mutation the parser accepts, the JDK reads to the same address (the JDK
 * is only asked about text the parser accepted, which is a literal, so it never looks a name up).
 */
class IpAddressesFuzzTest {

  private static final String ALPHABET = "0123456789abcdefABCDEF:.x ";

  @Test
  void agreesWithTheJdkOnRandomAddressesAndMutations() throws UnknownHostException {
    Random random = new Random(7);
    long[] parsed = new long[2];
    for (int i = 0; i < 100_000; i++) {
      byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
      random.nextBytes(bytes);
      if (bytes.length == 16 && random.nextBoolean()) {
        for (int z = 2 + random.nextInt(6); z < 12; z++) {
          bytes[z] = 0;
        }
      }
      String text = InetAddress.getByAddress(bytes).getHostAddress();
      assertTrue(IpAddresses.parse(text, parsed), text);
      assertArrayEquals(mapped(bytes), parsed, text);
      String mutated = mutate(text, random);
      if (IpAddresses.parse(mutated, parsed)) {
        assertArrayEquals(mapped(InetAddress.getByName(mutated).getAddress()), parsed, mutated);
      }
    }
  }

  private static String mutate(String text, Random random) {
    int at = random.nextInt(text.length());
    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + c + text.substring(at + 1);
      case 1 -> text.substring(0, at) + c + text.substring(at);
      default -> text.substring(0, at) + text.substring(at + 1);
    };
  }

  /** The 128-bit form the parser keeps: IPv4 mapped into IPv6. */
  private static long[] mapped(byte[] address) {
    ByteBuffer buffer = ByteBuffer.allocate(16);
    if (address.length == 4) {
      buffer.position(10);
      buffer.put((byte) 0xFF).put((byte) 0xFF);
    }
    buffer.put(address).flip();
    return new long[] {buffer.getLong(), buffer.getLong()};
  }
}
