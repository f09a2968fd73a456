package dev.ben.contracts.event;

import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * JSON lines for a schema, most of them fitting, many with a flaw: a value of the wrong type or out
 * of range, a field missing, null or repeated, unknown keys (nested, repeated), keys shuffled, and
 * whole-line damage (cut short, a byte changed, trailing text, another root).
 */
final class RandomLines {

  private static final String[] ANY = {
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1",
    "-1",
    "7.5",
    "-0.0",
    "1e3",
    "1E400",
    "2.5e-3",
    "127",
    "128",
    "-129",
    "255",
    "256",
    "32767",
    "65536",
    "2147483648",
    "-2147483649",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "3.4028235e38",
    "3.5e38",
    "\"\"",
    "\"7\"",
    "\"text\"",
    "\"caf\\u00e9 \\\"q\\\"\"",
    "[]",
    "[1]",
    "[\"a\",\"b\"]",
    "[\"a\",null]",
    "[\"a\",3]",
    "{}",
    "{\"x\":[1,{\"y\":null}]}",
    "\"2024-05-01T12:00:00Z\"",
    "\"2024-05-01T12:00:00.123456789+02:00\"",
    "\"2024-05-01T12:00:00.5-05:30\"",
    "\"2024-05-01t12:00:00z\"",
    "\"2024-05-01T12:00Z\"",
    "\"2024-02-30T12:00:00Z\"",
    "\"+12024-05-01T12:00:00Z\"",
    "\"2024-05-01T12:00:00+18:00\"",
    "\"yesterday\"",
    "\"10.1.2.3\"",
    "\"10.0.0.256\"",
    "\"010.0.0.1\"",
    "\"::1\"",
    "\"2001:DB8::1\"",
    "\"::ffff:192.0.2.1\"",
    "\"1:2:3:4:5:6:7:8:9\"",
    "\"123e4567-e89b-12d3-a456-426614174000\"",
    "\"123E4567-E89B-12D3-A456-426614174000\"",
    "\"123e4567-e89b-12d3-a456-42661417400\""
  };

  private final Schema schema;
  private final Random random;

  RandomLines(Schema schema, Random random) {
    this.schema = schema;
    this.random = random;
  }

  String next() {
    List<String> members = new ArrayList<>();
    for (SchemaField field : schema.fields()) {
      int roll = random.nextInt(schema.fields().size() * 8);
      if (roll == 0) {
        continue;
      }
      String value = roll == 1 ? "null" : roll == 2 ? any() : fitting(field);
      members.add(quote(field.name()) + ":" + value);
      if (roll == 3) {
        members.add(quote(field.name()) + ":" + (random.nextBoolean() ? any() : fitting(field)));
      }
    }
    for (int extra = random.nextInt(4) - 1; extra > 0; extra--) {
      String name = random.nextInt(3) == 0 ? "extra" : "extra" + random.nextInt(1000);
      members.add(quote(name) + ":" + any());
    }
    if (random.nextInt(4) == 0) {
      Collections.shuffle(members, random);
    }
    String line = "{" + String.join(random.nextInt(10) == 0 ? " , " : ",", members) + "}";
    return damaged(line);
  }

  private String damaged(String line) {
    return switch (random.nextInt(30)) {
      case 0 -> line.substring(0, random.nextInt(line.length()));
      case 1 -> {
        char[] chars = line.toCharArray();
        String damage = "{}[],:\"\\x 0-";
        chars[random.nextInt(chars.length)] = damage.charAt(random.nextInt(damage.length()));
        yield new String(chars);
      }
      case 2 -> line + (random.nextBoolean() ? " {\"more\":1}" : " garbage");
      case 3 -> "[" + line + "]";
      case 4 -> random.nextBoolean() ? "" : "  ";
      case 5 -> any();
      default -> line;
    };
  }

  private String any() {
    return ANY[random.nextInt(ANY.length)];
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }

  private String fitting(SchemaField field) {
    if (field.array()) {
      return random.nextBoolean() ? "[]" : "[" + scalar(field.type()) + "]";
    }
    return scalar(field.type());
  }

  private String scalar(FieldType type) {
    return switch (type) {
      case STRING -> quote("s" + random.nextInt(100));
      case I8 -> String.valueOf(random.nextInt(256) - 128);
      case I16, U16 ->
          String.valueOf(random.nextInt(65_536) - (type == FieldType.I16 ? 32_768 : 0));
      case I32 -> String.valueOf(random.nextInt());
      case I64 -> String.valueOf(random.nextLong());
      case U8 -> String.valueOf(random.nextInt(256));
      case U32 -> String.valueOf(random.nextLong() & 0xFFFF_FFFFL);
      case U64 -> Long.toUnsignedString(random.nextLong());
      case F32, F64 -> random.nextBoolean() ? String.valueOf(random.nextDouble() * 1e6) : "42";
      case BOOL -> String.valueOf(random.nextBoolean());
      case TIMESTAMP ->
          random.nextBoolean()
              ? String.valueOf(random.nextLong() >>> 24)
              : quote(
                  java.time.Instant.ofEpochMilli(random.nextLong() >>> 24)
                      .atOffset(java.time.ZoneOffset.ofHours(random.nextInt(25) - 12))
                      .toString());
      case IPV4 -> quote(random.nextInt(256) + ".1.2." + random.nextInt(256));
      case IPV6 -> random.nextBoolean() ? quote("2001:db8::" + random.nextInt(65_536)) : "\"::1\"";
      case UUID -> quote(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
    };
  }
}
