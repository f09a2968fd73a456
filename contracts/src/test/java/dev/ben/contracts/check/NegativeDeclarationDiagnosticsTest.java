package dev.ben.contracts.check;

import static dev.ben.contracts.check.NegativeCases.c;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Detectors, playbooks, schemas, pipelines, lists and syntax: one mistake at a time in the fixture,
 * asserting every diagnostic's exact line, column, severity and message (headers shown without the
 * {@code auth.ben:} prefix).
 */
class NegativeDeclarationDiagnosticsTest extends NegativeDiagnosticsContract {

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "detector unknown key field",
            "by user",
            "by usr",
            "33:27: error: unknown field `usr` in schema `login`"),
        c(
            "detector window too long",
            "over 5m as fails",
            "over 30d as fails",
            "34:14: error: a window must be between 1s and 7d, found `30d`"),
        c(
            "detector sum on string",
            "sum attempts over",
            "sum country over",
            "35:7: error: `sum` needs a numeric field, but `country` is `string?`"),
        c(
            "detector where unknown",
            "where failed",
            "where fialed",
            "34:32: error: unknown predicate `fialed` in detector `rate`; it must be declared in a policy on schema `login`"),
        c(
            "detector duplicate value name",
            "as total",
            "as fails",
            "35:27: error: detector `rate` already has a value named `fails`"),
        c(
            "detector ewma alpha out of range",
            "alpha 0.2",
            "alpha 1.5",
            "36:20: error: alpha must be a number above 0 and at most 1, found `1.5`"),
        c(
            "detector ttl counter unknown rule",
            "incr on brute",
            "incr on brut",
            "37:38: error: unknown rule `brut` on schema `login`"),
        c(
            "detector unknown feature",
            "ewma score alpha 0.2",
            "ewmaa score alpha 0.2",
            "36:3: error: unknown item `ewmaa` in detector `rate`; expected one of `count`, `sum`, `avg`, `min`, `max`, `distinct`, `ttl_counter`, `ewma`, `cusum`, `anomaly`"),
        c(
            "playbook without bound",
            "  bound at_most 10 per 1m, cooldown 5m per user\n",
            "",
            "40:10: error: playbook `lockout` has no bound"),
        c(
            "playbook unknown rule in when",
            "when brute and",
            "when brutes and",
            "41:8: error: unknown name `brutes` in playbook `lockout`: not a rule, predicate, fact or field of schema `login`"),
        c(
            "playbook unknown detector value",
            "rate.fails > 20",
            "rate.fail > 20",
            "41:23: error: detector `rate` has no value `fail`"),
        c(
            "playbook unknown detector",
            "rate.fails > 20",
            "rat.fails > 20",
            "41:18: error: unknown detector `rat`"),
        c(
            "playbook non-bool condition",
            "when brute and rate.fails > 20",
            "when attempts",
            "41:8: error: `attempts` is `u32`, not a condition"),
        c(
            "playbook unknown signal",
            "emit lock(",
            "emit lok(",
            "42:8: error: unknown signal `lok`"),
        c(
            "playbook missing arg",
            "emit lock(user = user, reason = \"brute force\")",
            "emit lock(user = user)",
            "42:8: error: missing argument `reason` for signal `lock`"),
        c(
            "playbook extra arg",
            "reason = \"brute force\")",
            "reason = \"brute force\", level = 3)",
            "42:50: error: signal `lock` has no argument `level`"),
        c(
            "playbook mistyped arg",
            "reason = \"brute force\"",
            "reason = attempts",
            "42:35: error: argument `reason` expects `string`, but `attempts` is `u32`"),
        c(
            "playbook optional into required",
            "reason = \"brute force\"",
            "reason = country",
            "42:35: error: `country` may be null but argument `reason` is `string`"),
        c(
            "playbook fact unknown level",
            "when brute and rate.fails > 20",
            "when attempts_level == \"SCORCH\"",
            "41:26: error: threshold `heat` has no level \"SCORCH\""),
        c(
            "playbook compare string with number",
            "when brute and rate.fails > 20",
            "when brute and country > 3",
            "41:18: error: cannot compare `string?` with `i64`"),
        c(
            "playbook bound zero",
            "at_most 10",
            "at_most 0",
            "43:17: error: at_most must be a whole number between 1 and 1000000, found `0`"),
        c(
            "playbook cooldown unknown field",
            "per user\n",
            "per usr\n",
            "43:44: error: unknown field `usr` in schema `login`"),
        c(
            "duplicate schema",
            "list risky",
            "schema login v2 {\n  table logins2\n  key [a]\n  fields { a: string }\n}\nlist risky",
            "18:8: error: duplicate schema `login`"),
        c(
            "bad schema version",
            "schema login v1",
            "schema login 1",
            "1:14: error: schema version must look like `v1`, found `1`"),
        c(
            "table not snake_case",
            "table logins\n",
            "table LoginEvents\n",
            "2:9: error: table name `LoginEvents` is not snake_case",
            "54:17: error: table `logins` does not belong to any schema of pipeline `auth`"),
        c(
            "table too short",
            "table logins\n",
            "table lg\n",
            "2:9: error: table name `lg` must be 3-48 characters long, not 2",
            "54:17: error: table `logins` does not belong to any schema of pipeline `auth`"),
        c(
            "schema without key",
            "  key [tenant, user]\n",
            "",
            "1:8: error: schema `login` has no key"),
        c(
            "key unknown field",
            "key [tenant, user]",
            "key [tenant, usr]",
            "3:16: error: key names unknown field `usr` in schema `login`"),
        c(
            "key optional field",
            "key [tenant, user]",
            "key [tenant, country]",
            "3:16: error: key field `country` is optional (`string?`)"),
        c(
            "order_by unknown field",
            "order_by [tenant, ts]",
            "order_by [tenant, tss]",
            "4:21: error: unknown field `tss` in schema `login`"),
        c(
            "schema without table",
            "  table logins\n  key",
            "  key",
            "1:8: error: schema `login` has no `table`",
            "53:17: error: table `logins` does not belong to any schema of pipeline `auth`"),
        c(
            "pipeline unknown policy",
            "policies [guard]",
            "policies [gaurd]",
            "48:13: error: unknown policy `gaurd`"),
        c(
            "pipeline missing detector dependency",
            "detectors [rate]",
            "detectors []",
            "50:14: error: `lockout` reads detector `rate`, which pipeline `auth` does not include"),
        c(
            "pipeline unknown setting",
            "coalesce 64",
            "coalesse 64",
            "52:85: error: unknown proxy setting `coalesse`; expected one of buffer, high_watermark, low_watermark, overload, coalesce"),
        c(
            "pipeline watermarks inverted",
            "low_watermark 0.5",
            "low_watermark 0.9",
            "52:58: error: low_watermark 0.9 must be below high_watermark 0.8"),
        c(
            "pipeline bad overload",
            "overload shed_oldest",
            "overload shed_old",
            "52:72: error: `overload` expects one of backpressure, shed_oldest, shed_newest, sample, found `shed_old`"),
        c(
            "pipeline store unknown table",
            "table logins, replica",
            "table login, replica",
            "54:17: error: table `login` does not belong to any schema of pipeline `auth`"),
        c(
            "pipeline bad port",
            "uds \"auth.sock\"",
            "uds \"auth.sock\"; tcp 70000",
            "51:40: error: the tcp port must be a whole number between 1 and 65535, found `70000`"),
        c(
            "pipeline replica value",
            "replica on",
            "replica maybe",
            "54:33: error: `replica` expects `on` or `off`, found `maybe`"),
        c(
            "pipeline spines out of range",
            "spines 2",
            "spines 0",
            "53:10: error: the number of spines must be a whole number between 1 and 256, found `0`"),
        c(
            "duration bad unit",
            "over 5m as fails",
            "over 5x as fails",
            "34:14: error: malformed number `5x`",
            "41:23: error: detector `rate` has no value `fails`"),
        c(
            "unterminated string",
            "\"too many failures\"",
            "\"too many failures",
            "44:11: error: unterminated string"),
        c(
            "unexpected character",
            "attempts > 5",
            "attempts > 5 $",
            "22:35: error: unexpected character `$`"),
        c(
            "unknown top-level",
            "signal lock",
            "signl lock",
            "39:1: error: expected a declaration (import, schema, list, event_type, policy, detector, signal, playbook, pipeline), found `signl`",
            "42:8: error: unknown signal `lock`"),
        c(
            "unknown schema item",
            "order_by [tenant, ts]",
            "orderby [tenant, ts]",
            "4:3: error: unknown item `orderby` in schema `login`; expected one of `table`, `key`, `order_by`, `fields`"),
        c(
            "list of arrays",
            "list ports: u16",
            "list ports: [u16]",
            "20:13: error: list elements must be a plain scalar type, not `[u16]`"),
        c(
            "list value mistyped",
            "[22, 3389]",
            "[22, 70000]",
            "20:24: error: number 70000 is out of range for `u16` (0..65535)"),
        c(
            "list file missing",
            "lists/names.txt",
            "lists/nope.txt",
            "19:27: error: list file \"lists/nope.txt\" was not found in the project"),
        c(
            "list file outside project",
            "lists/names.txt",
            "../names.txt",
            "19:27: error: list file \"../names.txt\" is outside the project"),
        c(
            "unknown annotation",
            "@pii",
            "@secret",
            "14:21: error: unknown annotation `@secret`; the only annotation is `@pii`"),
        c(
            "rule with parse error keeps name",
            "rule brute = all(failed) none(internal) => flag",
            "rule brute = all(failed) none(internal) flag",
            "29:43: error: expected `=>` before the rule's action (`=> flag`), found `flag`"),
        c(
            "duplicate list",
            "list ports",
            "list risky: string = [\"X\"]\nlist ports",
            "20:6: error: duplicate list `risky`"),
        c(
            "import of missing file",
            "schema login v1",
            "import \"other.ben\"\nschema login v1",
            "1:8: error: imported file \"other.ben\" does not exist"),
        c(
            "detector on unknown schema",
            "detector rate on login",
            "detector rate on logins",
            "33:18: error: unknown schema `logins`"),
        c(
            "playbook unknown detector value in longer condition",
            "when brute and rate.fails > 20",
            "when brute and rate.total > 20 and rate.fails > 1 and rate.nope > 1",
            "41:62: error: detector `rate` has no value `nope`"),
        c(
            "sidecar uds without value",
            "uds \"auth.sock\"",
            "uds",
            "51:19: error: `uds` needs a value"),
        c(
            "proxy coalesce larger than buffer",
            "coalesce 64",
            "coalesce 5000",
            "52:94: error: coalesce 5000 is larger than the buffer (1000)"),
        c(
            "anomaly window too small",
            "ewma score alpha 0.2",
            "anomaly weird on score window 4",
            "36:33: error: the anomaly window (observations) must be a whole number between 16 and 100000, found `4`"),
        c(
            "cusum negative h",
            "ewma score alpha 0.2",
            "cusum score k 0.5 h 0",
            "36:23: error: h (the alarm level) must be a number above 0 and at most 1000000000000, found `0`"),
        c(
            "unterminated block comment",
            "signal lock",
            "/* never closed\nsignal lock",
            "39:1: error: unterminated block comment"),
        c(
            "drop_with_reason empty",
            "=> sample(10)",
            "=> drop_with_reason \"\"",
            "30:48: error: the drop reason is empty"),
        c(
            "tcp endpoint not yet compiled",
            "uds \"auth.sock\"",
            "uds \"auth.sock\"; tcp 7443",
            "51:36: warning: the `tcp` endpoint is accepted but not yet carried by compiled pipelines; sidecars listen on `http` and `uds` only"),
        c(
            "sidecar without http or uds",
            "sidecar { http; uds \"auth.sock\" }",
            "sidecar { tcp 7443 }",
            "46:10: error: the sidecar of pipeline `auth` has no `http` or `uds` endpoint",
            "51:13: warning: the `tcp` endpoint is accepted but not yet carried by compiled pipelines; sidecars listen on `http` and `uds` only"),
        c(
            "pipeline without store",
            "  store { table logins, replica on }\n",
            "",
            "46:10: error: pipeline `auth` has no store"),
        c(
            "watermark against default",
            "high_watermark 0.8, low_watermark 0.5",
            "high_watermark 0.4",
            "52:39: error: low_watermark 0.5 must be below high_watermark 0.4 (the default for the one not written)"),
        c(
            "detector where names a rule",
            "where failed",
            "where brute",
            "34:32: error: `brute` is a rule, not a predicate or threshold level"),
        c(
            "signal optional argument",
            "reason: string }",
            "reason: string? }",
            "39:37: error: signal arguments are plain scalar values, not `string?`"),
        c(
            "playbook compares two names",
            "rate.fails > 20",
            "rate.fails > attempts",
            "41:18: error: a comparison in a playbook needs a constant on one side"),
        c(
            "playbook null test",
            "when brute and",
            "when country == null and",
            "41:8: error: playbook conditions cannot test for null"),
        c(
            "emit computed argument",
            "reason = \"brute force\"",
            "reason = attempts > 3",
            "42:35: error: a signal argument must be a field, a constant, a fact or a detector value"),
        c(
            "emit rule as argument",
            "reason = \"brute force\"",
            "reason = brute",
            "42:35: error: `brute` is a condition, not a value"),
        c(
            "missing priority number",
            "=> flag priority 10",
            "=> flag priority",
            "29:59: error: expected a number after `priority`, found `rule`"),
        c(
            "when with assignment does not cascade",
            "when brute and rate.fails > 20",
            "when brute = true",
            "41:14: error: `=` is not a comparison"),
        c(
            "unclosed pipeline at end of file",
            "  store { table logins, replica on }\n}\n",
            "  store { table logins, replica on }\n",
            "54:37: error: expected `}` to close pipeline `auth`, found end of file"),
        c(
            "missing value at end of line",
            "predicate failed = attempts > 5",
            "predicate failed = attempts >",
            "22:32: error: expected a value to compare with, found `predicate`"));
  }
}
