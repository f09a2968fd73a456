package dev.ben.contracts.engine.blot;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.IpAddresses;
import dev.ben.contracts.event.ValueKind;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.Redaction;
import dev.ben.contracts.model.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a policy's redactions to events of one schema, in place. Non-text values (numbers,
 * timestamps) are redacted through their text form and become text; IP generalisation keeps an
 * address an address. Not thread-safe (reuses hashing instances and a buffer); create one per
 * stage.
 */
public final class Redactor {

  private final int[] fields;
  private final RedactOp[] ops;
  private final boolean[] fieldIsV4;
  private final Hashing hashing;

  /**
   * A prefix above 32 is an IPv6 prefix; applied to an IPv4 value of a dual-stack field it would
   * keep the whole host, so IPv4 values then keep /24 (the customary anonymisation of IPv4)
   * instead.
   */
  static final int DUAL_STACK_V4_PREFIX = 24;

  private final long[] address = new long[2];

  /**
   * @param deploymentKey the key for {@code hash(keyed)}; may be null only when no redaction uses
   *     it
   */
  public Redactor(List<Redaction> redactions, Schema schema, byte[] deploymentKey) {
    this.hashing = new Hashing(deploymentKey);
    int n = redactions.size();
    this.fields = new int[n];
    this.ops = new RedactOp[n];
    this.fieldIsV4 = new boolean[n];
    for (int i = 0; i < n; i++) {
      Redaction redaction = redactions.get(i);
      int field = schema.indexOf(redaction.field());
      if (field < 0) {
        throw new IllegalArgumentException(
            "redact: schema '" + schema.name() + "' has no field '" + redaction.field() + "'");
      }
      if (redaction.op() instanceof RedactOp.HashKeyed && !hashing.hasKey()) {
        throw new IllegalArgumentException(
            "redact "
                + redaction.field()
                + " hash(keyed) needs the deployment"
                + " key; configure one for this deployment");
      }
      fields[i] = field;
      ops[i] = redaction.op();
      fieldIsV4[i] = schema.fields().get(field).type() == FieldType.IPV4;
    }
  }

  public void apply(Event event) {
    for (int i = 0; i < fields.length; i++) {
      int field = fields[i];
      ValueKind kind = event.kind(field);
      if (kind == ValueKind.ABSENT) {
        continue;
      }
      RedactOp op = ops[i];
      if (op instanceof RedactOp.Drop) {
        event.clear(field);
      } else if (op instanceof RedactOp.GeneralizeIp generalize) {
        generalizeIp(event, field, generalize.prefix(), fieldIsV4[i]);
      } else if (kind == ValueKind.ARRAY) {
        redactArray(event, field, op);
      } else {
        event.setText(field, redactText(textOf(event, field), op));
      }
    }
  }

  private static String textOf(Event event, int field) {
    String text = event.text(field);
    return text != null ? text : String.valueOf(event.plainValue(field));
  }

  private String redactText(String text, RedactOp op) {
    if (op instanceof RedactOp.MaskAll) {
      return CodePoints.maskAll(text);
    }
    if (op instanceof RedactOp.MaskPrefix m) {
      return CodePoints.maskPrefix(text, m.keep());
    }
    if (op instanceof RedactOp.MaskSuffix m) {
      return CodePoints.maskSuffix(text, m.keep());
    }
    if (op instanceof RedactOp.Truncate t) {
      return CodePoints.truncate(text, t.length());
    }
    if (op instanceof RedactOp.Hash) {
      return hashing.sha256(text);
    }
    if (op instanceof RedactOp.HashKeyed) {
      return hashing.hmac(text);
    }
    throw new IllegalStateException("redaction " + op + " has no text form");
  }

  private void redactArray(Event event, int field, RedactOp op) {
    var redacted = new ArrayList<Object>();
    for (Object item : (List<?>) event.plainValue(field)) {
      redacted.add(redactText(String.valueOf(item), op));
    }
    event.setArray(field, redacted);
  }

  /** Fails closed: a value that is not an address is removed rather than stored unredacted. */
  private void generalizeIp(Event event, int field, int prefix, boolean v4Field) {
    long high;
    long low;
    if (event.kind(field) == ValueKind.IP) {
      high = event.ipHigh(field);
      low = event.ipLow(field);
    } else if (event.kind(field) == ValueKind.TEXT
        && IpAddresses.parse(event.text(field), address)) {
      high = address[0];
      low = address[1];
    } else {
      event.clear(field);
      return;
    }
    boolean v4 = IpAddresses.isV4Mapped(high, low);
    int bits = v4 ? 96 + (prefix > 32 ? DUAL_STACK_V4_PREFIX : prefix) : prefix;
    IpAddresses.keepPrefix(high, low, bits, address);
    event.setIp(
        field,
        address[0],
        address[1],
        IpAddresses.format(
            address[0], address[1], v4 && (v4Field || event.kind(field) == ValueKind.TEXT)));
  }
}
