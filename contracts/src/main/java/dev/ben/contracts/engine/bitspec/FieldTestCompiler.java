package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.event.IpAddresses;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles field conditions into {@link BitProbe}s against one schema: resolves field positions and
 * lists, coerces constants, compiles regexes once. Anything the compiler should have refused is
 * refused here too, naming the predicate, so a hand-made or stale model cannot run half-understood.
 */
final class FieldTestCompiler {

  private final Schema schema;
  private final Map<String, ValueList> lists;
  final List<Pattern> patterns = new ArrayList<>();
  int longestFuzzyEntry;

  FieldTestCompiler(Schema schema, Map<String, ValueList> lists) {
    this.schema = schema;
    this.lists = lists;
  }

  BitProbe compile(String predicate, Condition.FieldTest condition) {
    String where = "predicate '" + predicate + "'";
    int field = schema.indexOf(condition.field());
    if (field < 0) {
      throw new IllegalArgumentException(
          where + ": schema '" + schema.name() + "' has no field '" + condition.field() + "'");
    }
    FieldType type = schema.fields().get(field).type();
    if (condition instanceof Condition.Compare c) {
      return new ValueTests.Compare(field, c.op(), Operand.of(c.value(), type, where));
    }
    if (condition instanceof Condition.Between b) {
      return new ValueTests.Between(
          field, Operand.of(b.low(), type, where), Operand.of(b.high(), type, where));
    }
    if (condition instanceof Condition.Modulo m) {
      requireType(type.isInteger(), type, where, "modulo");
      return new ValueTests.Modulo(field, m.divisor(), m.remainder());
    }
    if (condition instanceof Condition.IsNull || condition instanceof Condition.IsNotNull) {
      return new ValueTests.IsNull(field, condition instanceof Condition.IsNull);
    }
    if (condition instanceof Condition.InList l) {
      return inList(field, type, list(l.list(), where), where);
    }
    if (condition instanceof Condition.InCidr c) {
      requireType(type.isIp(), type, where, "in cidr");
      return TextTests.InCidr.of(field, c.cidrs(), where);
    }
    if (condition instanceof Condition.Fuzzy f) {
      requireType(type == FieldType.STRING, type, where, "fuzzy ~");
      return fuzzy(field, list(f.list(), where), f.within());
    }
    requireType(type.isText(), type, where, "text operators (starts_with, contains, matches)");
    if (condition instanceof Condition.StartsWith s) {
      return new TextTests.StartsWith(field, s.prefix());
    }
    if (condition instanceof Condition.Contains c) {
      return new TextTests.Contains(field, c.text());
    }
    Condition.Matches m = (Condition.Matches) condition;
    patterns.add(Pattern.compile(m.regex()));
    return new TextTests.Matches(field, patterns.size() - 1);
  }

  private ValueList list(String name, String where) {
    ValueList list = lists.get(name);
    if (list == null) {
      throw new IllegalArgumentException(
          where + " uses unknown list '" + name + "'; known lists: " + lists.keySet());
    }
    return list;
  }

  private BitProbe fuzzy(int field, ValueList list, int within) {
    int[][] entries = new int[list.values().size()][];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = FuzzyText.lowered(list.values().get(i));
      longestFuzzyEntry = Math.max(longestFuzzyEntry, entries[i].length);
    }
    return new TextTests.Fuzzy(field, entries, within);
  }

  private static BitProbe inList(int field, FieldType type, ValueList list, String where) {
    List<String> values = list.values();
    try {
      if (type.isInteger() || type == FieldType.TIMESTAMP || type == FieldType.BOOL) {
        long[] sorted = new long[values.size()];
        for (int i = 0; i < sorted.length; i++) {
          sorted[i] = wholeNumber(values.get(i), type);
        }
        Arrays.sort(sorted);
        return new ValueTests.InSortedLongs(field, sorted);
      }
      if (type.isFloat()) {
        double[] sorted = values.stream().mapToDouble(Double::parseDouble).sorted().toArray();
        return new ValueTests.InSortedReals(field, sorted);
      }
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          where
              + ": list '"
              + list.name()
              + "' holds a value that is not a "
              + type.name().toLowerCase(Locale.ROOT)
              + ": "
              + e.getMessage());
    }
    var set = new HashSet<String>();
    long[] address = new long[2];
    for (String value : values) {
      if (type.isIp()) {
        if (!IpAddresses.parse(value, address)) {
          throw new IllegalArgumentException(
              where
                  + ": list '"
                  + list.name()
                  + "' holds \""
                  + value
                  + "\" which is not an IP address");
        }
        set.add(IpAddresses.format(address[0], address[1], type == FieldType.IPV4));
      } else {
        set.add(type == FieldType.UUID ? value.toLowerCase(Locale.ROOT) : value);
      }
    }
    return new ValueTests.InTextSet(field, java.util.Set.copyOf(set));
  }

  private static long wholeNumber(String text, FieldType type) {
    return switch (type) {
      case BOOL -> Boolean.parseBoolean(text) ? 1 : 0;
      case U64 -> Long.parseUnsignedLong(text);
      case TIMESTAMP ->
          text.chars().allMatch(Character::isDigit)
              ? Long.parseLong(text)
              : java.time.Instant.parse(text).toEpochMilli();
      default -> Long.parseLong(text);
    };
  }

  private static void requireType(boolean ok, FieldType type, String where, String operator) {
    if (!ok) {
      throw new IllegalArgumentException(
          where
              + ": "
              + operator
              + " does not apply to a "
              + type.name().toLowerCase(Locale.ROOT)
              + " field");
    }
  }
}
