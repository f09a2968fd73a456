package dev.ben.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  private final long[] out = new long[2];

  @Test
  void ipv4IsStoredMappedAndFormattedBack() {
    assertTrue(IpAddresses.parse("192.0.2.10", out));
    assertEquals(0, out[0]);
    assertEquals(0x0000_FFFF_C000_020AL, out[1]);
    assertEquals("192.0.2.10", IpAddresses.format(out[0], out[1], true));
    assertEquals("::ffff:c000:20a", IpAddresses.format(out[0], out[1], false));
  }

  @ParameterizedTest
  @CsvSource({
    "2001:db8::1, 2001:db8::1",
    "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "::, ::",
    "::1, ::1",
    "fe80::, fe80::",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8::10.0.0.1, 2001:db8::a00:1"
  })
  void ipv6ParsesAndFormatsCanonically(String text, String canonical) {
    assertTrue(IpAddresses.parse(text, out), text);
    assertEquals(canonical, IpAddresses.format(out[0], out[1], false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3.",
        "a.b.c.d",
        ":::",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::",
        "1:",
        ":1",
        "fe80::1%eth0",
        "1.2.3.4 "
      })
  void malformedAddressesAreRejected(String text) {
    assertFalse(IpAddresses.parse(text, out), text);
  }

  @Test
  void keepPrefixZeroesHostBits() {
    IpAddresses.parse("2001:db8:abcd:1234::99", out);
    long[] kept = new long[2];
    IpAddresses.keepPrefix(out[0], out[1], 48, kept);
    assertEquals("2001:db8:abcd::", IpAddresses.format(kept[0], kept[1], false));
    IpAddresses.parse("203.0.113.77", out);
    IpAddresses.keepPrefix(out[0], out[1], 96 + 24, kept);
    assertEquals("203.0.113.0", IpAddresses.format(kept[0], kept[1], true));
  }
}
