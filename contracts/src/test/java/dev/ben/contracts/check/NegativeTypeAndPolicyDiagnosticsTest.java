package dev.ben.contracts.check;

import static dev.ben.contracts.check.NegativeCases.c;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Types, predicates, thresholds, rules and redactions: one mistake at a time in the fixture,
 * asserting every diagnostic's exact line, column, severity and message (headers shown without the
 * {@code auth.ben:} prefix).
 */
class NegativeTypeAndPolicyDiagnosticsTest extends NegativeDiagnosticsContract {

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "unknown field",
            "attempts > 5",
            "atempts > 5",
            "22:22: error: unknown field `atempts` in schema `login`"),
        c("unknown type", "attempts: u32", "attempts: u23", "11:15: error: unknown type `u23`"),
        c(
            "unknown type no suggestion",
            "score: f64",
            "score: money",
            "12:12: error: unknown type `money`"),
        c(
            "optional array",
            "tags: [string]",
            "tags: [string]?",
            "15:11: error: arrays cannot be optional"),
        c(
            "nested array",
            "tags: [string]",
            "tags: [[string]]",
            "15:11: error: arrays of arrays are not supported"),
        c(
            "duplicate field",
            "admin: bool",
            "admin: bool\n    admin: string",
            "14:5: error: duplicate field `admin` in schema `login`"),
        c(
            "reserved field",
            "admin: bool",
            "event_id: string",
            "13:5: error: field name `event_id` is reserved: every table gets a `event_id` column"),
        c(
            "reserved decision column",
            "admin: bool",
            "facts: string",
            "13:5: error: field name `facts` is reserved: every table gets a `facts` column"),
        c(
            "order on string",
            "predicate failed = attempts > 5",
            "predicate failed = country > \"A\"",
            "22:22: error: operator `>` cannot be applied to `string` field `country`"),
        c(
            "operator on array",
            "predicate failed = attempts > 5",
            "predicate failed = tags == \"x\"",
            "22:22: error: field `tags` is an array (`[string]`); predicates test single values"),
        c(
            "literal type mismatch",
            "predicate failed = attempts > 5",
            "predicate failed = attempts > \"five\"",
            "22:33: error: expected a `u32` value for field `attempts`, found `\"five\"`"),
        c(
            "integer out of range",
            "predicate failed = attempts > 5",
            "predicate failed = attempts > 5000000000",
            "22:33: error: number 5000000000 is out of range for `u32` (0..4294967295)"),
        c(
            "negative unsigned",
            "predicate failed = attempts > 5",
            "predicate failed = attempts > -1",
            "22:33: error: number -1 is out of range for `u32` (0..4294967295)"),
        c(
            "decimal for integer",
            "predicate failed = attempts > 5",
            "predicate failed = attempts > 5.5",
            "22:33: error: expected a whole number for `u32` for field `attempts`, found `5.5`"),
        c(
            "bad timestamp literal",
            "predicate failed = attempts > 5",
            "predicate failed = ts > \"yesterday\"",
            "22:27: error: `yesterday` is not a timestamp"),
        c(
            "bad ipv4 literal",
            "predicate failed = attempts > 5",
            "predicate failed = ip == \"10.0.0.256\"",
            "22:28: error: `10.0.0.256` is not an IPv4 address"),
        c(
            "assign instead of compare",
            "predicate failed = attempts > 5",
            "predicate failed = attempts = 5",
            "22:31: error: `=` is not a comparison"),
        c(
            "missing operator",
            "predicate failed = attempts > 5",
            "predicate failed = attempts 5",
            "22:31: error: expected an operator after `attempts`, found `5`"),
        c(
            "between reversed",
            "predicate failed = attempts > 5",
            "predicate failed = attempts between 9 and 3",
            "22:22: error: empty range: 9 is above 3"),
        c(
            "between on bool",
            "predicate failed = attempts > 5",
            "predicate failed = admin between 1 and 2",
            "22:22: error: operator `between` cannot be applied to `bool` field `admin`"),
        c(
            "unknown list",
            "country in risky",
            "country in risk",
            "23:40: error: unknown list `risk`"),
        c(
            "list type mismatch",
            "country in risky",
            "country in ports",
            "23:40: error: list `ports` holds `u16` values but field `country` is `string`"),
        c(
            "in values mistyped",
            "country in risky",
            "country in [\"KP\", 7]",
            "23:47: error: expected a `string` value for field `country`, found `7`"),
        c(
            "malformed cidr",
            "cidr(\"10.0.0.0/8\")",
            "cidr(\"10.0.0.0/33\")",
            "24:35: error: malformed cidr \"10.0.0.0/33\": the prefix length must be 0..32"),
        c(
            "cidr not an address",
            "cidr(\"10.0.0.0/8\")",
            "cidr(\"ten/8\")",
            "24:35: error: malformed cidr \"ten/8\": `ten` is not an IP address"),
        c(
            "cidr family mismatch",
            "cidr(\"10.0.0.0/8\")",
            "cidr(\"fd00::/8\")",
            "24:35: error: cidr \"fd00::/8\" is IPv6 but the field is ipv4"),
        c(
            "cidr on string field",
            "ip in cidr",
            "country in cidr",
            "24:24: error: `in cidr(..)` needs an ipv4 or ipv6 field, but `country` is `string`"),
        c(
            "starts_with on number",
            "predicate failed = attempts > 5",
            "predicate failed = attempts starts_with \"1\"",
            "22:22: error: `starts_with` needs a string field, but `attempts` is `u32`"),
        c(
            "bad regex",
            "predicate failed = attempts > 5",
            "predicate failed = user matches \"(abc\"",
            "22:35: error: invalid regex: Unclosed group near index 4"),
        c(
            "fuzzy distance out of range",
            "names within 2",
            "names within 9",
            "25:46: error: the edit distance must be a whole number between 0 and 8, found `9`"),
        c(
            "fuzzy on non-string list",
            "user ~ names",
            "user ~ ports",
            "25:33: error: fuzzy matching needs a list of strings, but `ports` holds `u16`"),
        c(
            "modulo zero",
            "attempts % 2 == 1",
            "attempts % 0 == 1",
            "26:30: error: the modulus must be a whole number between 1 and 9223372036854775807, found `0`"),
        c(
            "modulo remainder too large",
            "attempts % 2 == 1",
            "attempts % 2 == 2",
            "26:35: error: the remainder of `% 2` must be a whole number between 0 and 1, found `2`"),
        c(
            "modulo on float",
            "attempts % 2 == 1",
            "score % 2 == 1",
            "26:19: error: `%` needs an integer field, but `score` is `f64`"),
        c(
            "null test on required field",
            "predicate failed = attempts > 5",
            "predicate failed = attempts == null",
            "22:34: warning: field `attempts` is `u32`, never null, so this test is constant"),
        c(
            "null with ordering",
            "predicate failed = attempts > 5",
            "predicate failed = country > null",
            "22:32: error: `null` can only be compared with `==` or `!=`"),
        c(
            "unknown predicate in compose",
            "all(failed, not(internal))",
            "all(failed, not(internl))",
            "27:36: error: unknown predicate or field `internl` in policy `guard`"),
        c(
            "not with two args",
            "not(internal)",
            "not(internal, failed)",
            "27:32: error: `not(..)` takes exactly one predicate, found 2"),
        c(
            "predicate uses a later predicate",
            "predicate failed = attempts > 5",
            "predicate failed = all(both)",
            "22:26: error: predicate `failed` uses `both`, which is not declared before it"),
        c(
            "non-bool field as predicate",
            "predicate failed = attempts > 5",
            "predicate failed = country",
            "22:22: error: field `country` is `string?`, not a condition"),
        c(
            "duplicate predicate",
            "predicate odd = ",
            "predicate failed = ",
            "26:13: error: duplicate name `failed`: a predicate of policy `guard` on schema `login` already uses it"),
        c(
            "threshold unknown direction",
            "heat on attempts gte",
            "heat on attempts gteq",
            "28:30: error: unknown threshold comparison `gteq`; expected `gte`, `gt`, `lte` or `lt`"),
        c(
            "threshold levels not ordered",
            "WARM = 3, HOT = 10",
            "WARM = 30, HOT = 10",
            "28:53: error: threshold levels must increase for `gte`: `HOT = 10` is not above `WARM = 30`"),
        c(
            "threshold levels descending for lte",
            "heat on attempts gte { WARM = 3, HOT = 10 }",
            "heat on attempts lte { WARM = 3, HOT = 10 }",
            "28:52: error: threshold levels must decrease for `lte`: `HOT = 10` is not below `WARM = 3`"),
        c(
            "threshold on string field",
            "heat on attempts",
            "heat on country",
            "28:21: error: threshold needs a numeric field, but `country` is `string?`"),
        c(
            "threshold duplicate level",
            "WARM = 3, HOT = 10",
            "WARM = 3, HOT = 10, HOT = 20",
            "28:56: error: duplicate level `HOT` in threshold `heat`"),
        c(
            "rule unknown predicate",
            "all(failed) none",
            "all(faild) none",
            "29:20: error: unknown predicate `faild` in rule `brute`"),
        c(
            "rule unknown threshold level",
            "any(heat.HOT)",
            "any(heat.HOTT)",
            "30:23: error: threshold `heat` has no level `HOTT`"),
        c(
            "rule threshold without level",
            "any(heat.HOT)",
            "any(heat)",
            "30:18: error: `heat` is a threshold; name one of its levels"),
        c(
            "rule clause twice",
            "all(failed) none(internal)",
            "all(failed) all(internal)",
            "29:28: error: `all(..)` is given twice in rule `brute`"),
        c(
            "rule refers to rule",
            "any(heat.HOT)",
            "any(brute)",
            "30:18: error: `brute` is a rule, not a predicate or threshold level"),
        c(
            "rule unknown action",
            "=> flag priority",
            "=> flagg priority",
            "29:46: error: unknown action `flagg`; expected `flag`, `route lucius`, `sample(N)` or `drop_with_reason \"why\"`"),
        c(
            "rule route target",
            "=> sample(10)",
            "=> route elsewhere",
            "30:37: error: unknown route `elsewhere`; the only route is `lucius` (the scrub path)"),
        c(
            "sample zero",
            "sample(10)",
            "sample(0)",
            "30:38: error: sample(N) (keep 1 in N) must be a whole number between 1 and 1000000, found `0`"),
        c(
            "priority out of range",
            "priority 10",
            "priority 5000",
            "29:60: error: rule priority must be a whole number between 0 and 1000, found `5000`"),
        c(
            "unknown redaction",
            "hash(keyed)",
            "hsh(keyed)",
            "31:16: error: unknown redaction `hsh`; expected mask_all, mask_prefix(n), mask_suffix(n), truncate(n), hash, hash(keyed), generalize_ip(prefix) or drop"),
        c(
            "redaction bad argument",
            "hash(keyed)",
            "hash(salted)",
            "31:21: error: `hash` takes no argument or `keyed`, found `salted`"),
        c(
            "mask on non-string",
            "redact email hash(keyed)",
            "redact email hash(keyed)\n    redact attempts mask_all",
            "32:21: error: `mask_all` works on strings, but `attempts` is `u32`"),
        c(
            "generalize_ip on string",
            "redact email hash(keyed)",
            "redact email hash(keyed)\n    redact country generalize_ip(24)",
            "32:20: error: `generalize_ip` needs an ipv4 or ipv6 field, but `country` is `string?`"),
        c(
            "missing redaction argument",
            "redact email hash(keyed)",
            "redact email mask_prefix",
            "31:16: error: `mask_prefix` needs an argument"),
        c(
            "drop key field",
            "redact email hash(keyed)",
            "redact email hash(keyed)\n    redact user drop",
            "32:17: error: `drop` would destroy key field `user`"),
        c(
            "redacted twice",
            "redact email hash(keyed)",
            "redact email hash(keyed)\n    redact email drop",
            "32:12: error: field `email` is already redacted by policy `guard`"),
        c(
            "pii reaches store",
            "redact email hash(keyed)",
            "redact country hash",
            "54:17: warning: @pii field `email` of schema `login` reaches the store of pipeline `auth` without a `redact`"));
  }
}
