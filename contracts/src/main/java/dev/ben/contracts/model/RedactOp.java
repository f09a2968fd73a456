package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A redaction operation; counts are Unicode code points, never bytes or UTF-16 units. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RedactOp.MaskAll.class, name = "mask_all"),
  @JsonSubTypes.Type(value = RedactOp.MaskPrefix.class, name = "mask_prefix"),
  @JsonSubTypes.Type(value = RedactOp.MaskSuffix.class, name = "mask_suffix"),
  @JsonSubTypes.Type(value = RedactOp.Truncate.class, name = "truncate"),
  @JsonSubTypes.Type(value = RedactOp.Hash.class, name = "hash"),
  @JsonSubTypes.Type(value = RedactOp.HashKeyed.class, name = "hash_keyed"),
  @JsonSubTypes.Type(value = RedactOp.GeneralizeIp.class, name = "generalize_ip"),
  @JsonSubTypes.Type(value = RedactOp.Drop.class, name = "drop")
})
public sealed interface RedactOp {

  record MaskAll() implements RedactOp {}

  /** Keeps the first {@code keep} code points and masks the rest. */
  record MaskPrefix(int keep) implements RedactOp {
    public MaskPrefix {
      Checks.notNegative(keep, "mask_prefix count");
    }
  }

  /** Keeps the last {@code keep} code points and masks the rest. */
  record MaskSuffix(int keep) implements RedactOp {
    public MaskSuffix {
      Checks.notNegative(keep, "mask_suffix count");
    }
  }

  /** Keeps at most {@code length} code points. */
  record Truncate(int length) implements RedactOp {
    public Truncate {
      Checks.notNegative(length, "truncate length");
    }
  }

  /** SHA-256 of the UTF-8 value, lower-case hex. */
  record Hash() implements RedactOp {}

  /** HMAC-SHA-256 with the deployment's key, lower-case hex: joinable without being revealed. */
  record HashKeyed() implements RedactOp {}

  /** Zeroes the host part past {@code prefix} bits (IPv4 up to 32, IPv6 up to 128). */
  record GeneralizeIp(int prefix) implements RedactOp {
    public GeneralizeIp {
      if (prefix < 0 || prefix > 128) {
        throw new IllegalArgumentException("generalize_ip prefix must be 0..128, got " + prefix);
      }
    }
  }

  /** Removes the value (the field becomes null). */
  record Drop() implements RedactOp {}
}
