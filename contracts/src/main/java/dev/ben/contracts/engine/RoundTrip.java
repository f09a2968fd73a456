package dev.ben.contracts.engine;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.ValueKind;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Redaction;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether translating a redacted event's body again (what a detector on another member does) gives
 * back the very same event, so a detector beside the spine may read the typed event instead and
 * decide exactly as that one would. A slot the translator filled holds its type's own kind, which
 * the body writes and the translator reads back unchanged (any other kind there is refused), except
 * a u64 above the signed range (written as text, which the translator refuses) and arrays of
 * timestamps or u64 (kept out to stay simple). A redacted slot comes back only as text in a string
 * field or as a generalised address in an address field; a field a redaction removed must be
 * optional and not a key. Conservative: when in doubt the answer is no, and the detector translates
 * the body as before.
 */
final class RoundTrip {

  private final List<SchemaField> fields;
  private final Set<String> key;
  private final boolean[] redacted;

  RoundTrip(Schema schema, List<PolicyPack> policies) {
    this(
        schema,
        policies.stream()
            .flatMap(policy -> policy.redactions().stream())
            .map(Redaction::field)
            .toList());
  }

  /**
   * @param redactedFields the fields some redaction of the spine applies to
   */
  RoundTrip(Schema schema, Collection<String> redactedFields) {
    this.fields = schema.fields();
    this.key = new HashSet<>(schema.key());
    this.redacted = new boolean[fields.size()];
    for (String name : redactedFields) {
      int field = schema.indexOf(name);
      if (field >= 0) {
        redacted[field] = true;
      }
    }
  }

  /** True when the event's body translates back into an event equal to this one. */
  boolean holds(Event event) {
    for (int i = 0; i < redacted.length; i++) {
      SchemaField field = fields.get(i);
      ValueKind kind = event.kind(i);
      boolean fits =
          kind == ValueKind.ABSENT
              ? field.optional() && !key.contains(field.name())
              : redacted[i] ? redactedFits(field, kind) : untouchedFits(field, event, i);
      if (!fits) {
        return false;
      }
    }
    return true;
  }

  private static boolean redactedFits(SchemaField field, ValueKind kind) {
    return switch (field.type()) {
      case STRING -> kind == (field.array() ? ValueKind.ARRAY : ValueKind.TEXT);
      case IPV4, IPV6 -> !field.array() && kind == ValueKind.IP;
      default -> false;
    };
  }

  private static boolean untouchedFits(SchemaField field, Event event, int i) {
    FieldType type = field.type();
    ValueKind kind = event.kind(i);
    if (field.array()) {
      return kind == ValueKind.ARRAY && type != FieldType.U64 && type != FieldType.TIMESTAMP;
    }
    return switch (type) {
      case STRING, UUID -> kind == ValueKind.TEXT;
      case IPV4, IPV6 -> kind == ValueKind.IP;
      case F32, F64 -> kind == ValueKind.REAL;
      case U64 -> kind == ValueKind.INTEGER && event.longValue(i) >= 0;
      default -> kind == ValueKind.INTEGER;
    };
  }
}
