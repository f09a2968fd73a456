package dev.ben.contracts.check;

import static dev.ben.contracts.check.NegativeCase.BASE;

import java.util.List;

/** The negative cases: every compile-time guarantee the language makes, each with its exact message. */
final class NegativeCases {

  private NegativeCases() {}

  private static NegativeCase policy(String name, String items, String message, String hint) {
    return new NegativeCase(name, BASE + "policy p on login {\n" + items + "\n}\n", message, hint);
  }

  private static NegativeCase base(String name, String source, String message, String hint) {
    return new NegativeCase(name, BASE + source, message, hint);
  }

  private static NegativeCase alone(String name, String source, String message, String hint) {
    return new NegativeCase(name, source, message, hint);
  }

  private static final String GUARD = "policy g on login {\n  predicate burst = attempts > 5\n"
      + "  threshold heat on attempts gte { WARM = 3, HOT = 10 } fact attempts_level\n"
      + "  rule brute = all(burst) => flag\n  redact card hash(keyed)\n}\n"
      + "detector d on login by user {\n  count over 5m as fails where burst\n}\n";

  private static NegativeCase playbook(String name, String body, String message, String hint) {
    return new NegativeCase(name, BASE + GUARD + "playbook pb on login {\n" + body + "\n  explain \"x\"\n}\n",
        message, hint);
  }

  private static NegativeCase pipeline(String name, String body, String message, String hint) {
    return new NegativeCase(name, BASE + GUARD + "pipeline pl {\n" + body + "\n}\n", message, hint);
  }

  static List<NegativeCase> all() {
    return List.of(
        policy("unknown field", "  predicate a = «atempts» > 5", "unknown field `atempts` in schema `login`",
            "did you mean `attempts`?"),
        policy("ordering on a string", "  predicate a = user «>» 5", "`>` needs a number but `user` is string",
            "compare strings with ==, !=, in, starts_with, contains or matches"),
        policy("literal of the wrong type", "  predicate a = attempts == «\"x\"»", "`\"x\"` is not a u32 value",
            "`attempts` is u32"),
        policy("null with an ordering", "  predicate a = attempts < «null»", "`null` can only be tested with == or !=",
            null),
        policy("between on a string", "  predicate a = «user» between 1 and 2",
            "`between` needs a number but `user` is string", null),
        policy("between reversed", "  predicate a = attempts between «9 and 2»",
            "the lower bound 9 is above the upper bound 2", "write `between 2 and 9`"),
        policy("unknown list", "  predicate a = country in «countrys»", "unknown list `countrys`",
            "did you mean `countries`?"),
        policy("list of another type", "  predicate a = attempts in «countries»",
            "list `countries` holds string values, which `in` cannot compare with u32", null),
        policy("cidr on a string", "  predicate a = «user» in cidr(\"10.0.0.0/8\")",
            "`in cidr(…)` needs an ipv4 or ipv6 field but `user` is string", null),
        policy("cidr octet too big", "  predicate a = ip in cidr(«\"10.0.0.300/8\"»)",
            "invalid CIDR block \"10.0.0.300/8\": octet 300 is above 255", "write an IPv4 block such as \"10.0.0.0/8\""),
        policy("cidr without prefix", "  predicate a = ip in cidr(«\"10.0.0.0\"»)",
            "invalid CIDR block \"10.0.0.0\": missing `/prefix`", null),
        policy("ipv6 cidr on an ipv4 field", "  predicate a = ip in cidr(«\"fd00::/8\"»)",
            "invalid CIDR block \"fd00::/8\": an IPv6 block cannot match an ipv4 field", null),
        policy("cidr prefix too long", "  predicate a = ip in cidr(«\"10.0.0.0/40\"»)",
            "invalid CIDR block \"10.0.0.0/40\": the prefix /40 is outside 0..32", null),
        policy("starts_with on a number", "  predicate a = attempts «starts_with» \"1\"",
            "`starts_with` needs a string but `attempts` is u32", null),
        policy("invalid regex", "  predicate a = user matches «\"(ab\"»",
            "invalid regular expression: Unclosed group near index 3",
            "the regex uses Java syntax; escape special characters with a backslash"),
        policy("fuzzy on a number", "  predicate a = «attempts» ~ countries within 2",
            "fuzzy `~` needs a string but `attempts` is u32", null),
        policy("fuzzy distance too large", "  predicate a = user ~ countries within «9»",
            "the edit distance must be from 0 to 5, got 9", null),
        policy("modulo on a string", "  predicate a = «user» % 2 == 0", "`%` needs an integer but `user` is string",
            null),
        policy("modulo by zero", "  predicate a = attempts % «0» == 0",
            "the divisor must be from 1 to 9223372036854775807, got 0", null),
        policy("modulo remainder too large", "  predicate a = attempts % 3 == «3»",
            "the remainder must be from 0 to 2, got 3", null),
        policy("not with two predicates", "  predicate a = attempts > 1\n  predicate b = «not»(a, a)",
            "`not` takes exactly one predicate, got 2", "write `not(p)`"),
        policy("composition of an unknown predicate", "  predicate a = attempts > 1\n  predicate b = all(a, «c»)",
            "unknown predicate `c`", null),
        policy("predicate cycle", "  predicate a = any(b)\n  predicate b = any(«a»)", "predicate cycle: a -> b -> a",
            "a predicate cannot depend on itself"),
        policy("duplicate predicate", "  predicate a = attempts > 1\n  predicate «a» = attempts > 2",
            "duplicate name `a`: predicates and threshold levels share one namespace", "rename this predicate"),
        policy("level named like a predicate", "  predicate HOT = attempts > 1\n"
                + "  threshold t on attempts gte { «HOT» = 1 } fact f",
            "duplicate name `HOT`: predicates and threshold levels share one namespace", "rename this threshold level"),
        policy("threshold on a string", "  threshold t on «user» gte { A = 1 } fact f",
            "threshold `t` needs a number but `user` is string", null),
        policy("unknown threshold comparison", "  threshold t on attempts «gtee» { A = 1 } fact f",
            "unknown threshold comparison `gtee`", "did you mean `gte`?"),
        policy("levels out of order with gte", "  threshold t on attempts gte { A = 5, B = «3» } fact f",
            "threshold levels are not ordered: `B` (3) must be above `A` (5)",
            "with gte, list levels from lowest to highest"),
        policy("levels out of order with lte", "  threshold t on attempts lte { A = 1, B = «3» } fact f",
            "threshold levels are not ordered: `B` (3) must be below `A` (1)",
            "with lte, list levels from highest to lowest"),
        policy("threshold without levels", "  threshold «t» on attempts gte { } fact f", "threshold `t` has no levels",
            "add `{ WARM = 3, HOT = 10 }`"),
        policy("duplicate fact", "  threshold t on attempts gte { A = 1 } fact f\n"
            + "  threshold u on score gte { B = 1 } fact «f»", "duplicate fact `f` in policy `p`", null),
        policy("rule testing an unknown predicate", "  predicate a = attempts > 1\n  rule r = all(«nope») => flag",
            "unknown predicate or level `nope` in rule `r`", null),
        policy("unknown action", "  predicate a = attempts > 1\n  rule r = all(a) => «flagg»", "unknown action `flagg`",
            "did you mean `flag`?"),
        policy("unknown route", "  predicate a = attempts > 1\n  rule r = all(a) => route «elsewhere»",
            "unknown route `elsewhere`", "the only route is `route lucius` (the scrub path)"),
        policy("sampling rate zero", "  predicate a = attempts > 1\n  rule r = all(a) => sample(«0»)",
            "the sampling rate must be from 1 to 1000000, got 0", null),
        policy("sample without a rate", "  predicate a = attempts > 1\n  rule r = all(a) => «sample»",
            "`sample` needs a rate", "write `sample(10)` to keep 1 event in 10"),
        policy("empty drop reason", "  predicate a = attempts > 1\n  rule r = all(a) => drop_with_reason «\"\"»",
            "the drop reason is empty", "say why, e.g. drop_with_reason \"health check noise\""),
        policy("duplicate rule", "  predicate a = attempts > 1\n  rule r = all(a) => flag\n  rule «r» = any(a) => flag",
            "duplicate rule `r`", null),
        policy("priority out of range", "  predicate a = attempts > 1\n  rule r = all(a) => flag priority «2000000»",
            "the priority must be from 0 to 1000000, got 2000000", null),
        policy("unknown redaction", "  redact card «maskall»", "unknown redaction `maskall`", "did you mean `mask_all`?"),
        policy("masking a number", "  redact attempts «mask_all»", "`mask_all` works on text but `attempts` is u32",
            "use `hash` or `drop` for other types"),
        policy("generalize_ip on a string", "  redact user «generalize_ip»(24)",
            "`generalize_ip` needs an ipv4 or ipv6 field but `user` is string", null),
        policy("generalize_ip prefix too long", "  redact ip generalize_ip(«40»)",
            "the prefix length must be from 0 to 32, got 40", null),
        policy("mask_suffix without a count", "  redact card «mask_suffix»", "`mask_suffix` needs a number",
            "write `mask_suffix(4)`"),
        policy("hash with an unknown argument", "  redact card hash(«salted»)", "`hash` takes no argument or `keyed`",
            "write `hash` (SHA-256) or `hash(keyed)` (HMAC with the deployment key)"),
        policy("field redacted twice", "  redact card hash\n  redact «card» drop", "field `card` is redacted twice",
            "keep one redaction per field"),
        policy("redacting an unknown field", "  redact «cardd» drop", "unknown field `cardd` in schema `login`",
            "did you mean `card`?"),
        base("policy on an unknown schema", "policy p on «logins» {\n}\n", "unknown schema `logins`",
            "did you mean `login`?"),
        alone("unknown type", "schema s v1 {\n  table sessions\n  key [user]\n  fields {\n    user: «strng»\n  }\n}\n",
            "unknown type `strng`", "did you mean `string`?"),
        alone("schema without a key", "schema «s» v1 {\n  table sessions\n  fields {\n    user: string\n  }\n}\n",
            "schema `s` has no key", "name the fields that identify an entity, e.g. `key [tenant, user]`"),
        alone("table not snake_case", "schema s v1 {\n  table «LoginEvents»\n  key [user]\n  fields {\n"
                + "    user: string\n  }\n}\n", "table name `LoginEvents` is not snake_case",
            "use lower-case letters, digits and `_`, starting with a letter, e.g. `login_events`"),
        alone("table name too short", "schema s v1 {\n  table «ab»\n  key [user]\n  fields {\n    user: string\n  }\n}\n",
            "table name `ab` has 2 characters", "table names have 3 to 48 characters"),
        alone("table name too long", "schema s v1 {\n  table «" + "t".repeat(49) + "»\n  key [user]\n  fields {\n"
            + "    user: string\n  }\n}\n", "table name `" + "t".repeat(49) + "` has 49 characters", null),
        alone("schema without a table", "schema «s» v1 {\n  key [user]\n  fields {\n    user: string\n  }\n}\n",
            "schema `s` has no table", "add `table ss` to it"),
        alone("key naming an unknown field", "schema s v1 {\n  table sessions\n  key [«usr»]\n  fields {\n"
            + "    user: string\n  }\n}\n", "unknown field `usr` in schema `s`", "did you mean `user`?"),
        alone("order_by naming an unknown field", "schema s v1 {\n  table sessions\n  key [user]\n  order_by [«tss»]\n"
            + "  fields {\n    user: string\n    ts: timestamp\n  }\n}\n", "unknown field `tss` in schema `s`", null),
        alone("duplicate field", "schema s v1 {\n  table sessions\n  key [user]\n  fields {\n    user: string\n"
            + "    «user»: u32\n  }\n}\n", "duplicate field `user` in schema `s`", null),
        alone("bad schema version", "schema s «version1» {\n  table sessions\n  key [user]\n  fields {\n"
                + "    user: string\n  }\n}\n", "schema version `version1` must be v1, v2, …",
            "write `schema s v1 { … }`"),
        alone("unknown annotation", "schema s v1 {\n  table sessions\n  key [user]\n  fields {\n"
            + "    user: string @«secret»\n  }\n}\n", "unknown annotation `@secret`", "the only annotation is @pii"),
        alone("optional key field", "schema s v1 {\n  table sessions\n  key [«user»]\n  fields {\n    user: string?\n"
            + "  }\n}\n", "key field `user` is optional", "key fields must always be present; drop the `?`"),
        base("duplicate schema", "schema «login» v2 {\n  table logins2\n  key [u]\n  fields {\n    u: string\n  }\n}\n",
            "duplicate schema `login`", "the first is at main.ben:1:8; rename one of them"),
        base("list value of the wrong type", "list n: u32 = [1, «\"x\"»]\n", "`\"x\"` is not a u32 value",
            "list `n` holds u32 values"),
        base("list file missing", "list n: string = file(«\"nope.txt\"»)\n",
            "list file `nope.txt` does not exist in the project",
            "create it with one value per line (blank lines and # comments are ignored)"),
        base("list file outside the project", "list n: string = file(«\"../x.txt\"»)\n",
            "list file `../x.txt` must be a relative path inside the project", null),
        base("detector keyed by an unknown field", GUARD.replace("by user", "by «usr»"),
            "unknown field `usr` in schema `login`", "did you mean `user`?"),
        base("sum of a string", GUARD + "detector e on login by user {\n  sum «user» over 5m as s\n}\n",
            "`sum` needs a number but `user` is string", null),
        base("window filter naming an unknown predicate",
            GUARD + "detector e on login by user {\n  count over 5m as c where «nope»\n}\n",
            "unknown predicate `nope` (no policy on schema `login` defines it)", null),
        base("ttl counter on an unknown rule",
            GUARD + "detector e on login by user {\n  ttl_counter s ttl 1h incr on «brut»\n}\n",
            "unknown rule `brut` (no policy on schema `login` defines it)", "did you mean `brute`?"),
        base("ewma alpha above one", GUARD + "detector e on login by user {\n  ewma attempts alpha «1.5»\n}\n",
            "alpha must be above 0 and at most 1, got 1.5", "0.2 weighs the newest value by a fifth"),
        base("zero window", GUARD + "detector e on login by user {\n  count over «0m» as c\n}\n",
            "the window must be longer than zero", null),
        base("duplicate feature", GUARD + "detector e on login by user {\n  count over 1m as c\n  count over 5m as «c»\n}\n",
            "duplicate feature `c` in detector `e`", "name it with `as OTHER_NAME`"),
        base("unknown feature kind", GUARD + "detector e on login by user {\n  «median» attempts over 5m as m\n}\n",
            "unknown detector feature `median`",
            "features are count, sum, avg, min, max, distinct, ttl_counter, ewma, cusum and anomaly"),
        base("anomaly window too small", GUARD + "detector e on login by user {\n  anomaly a on attempts window «2»\n}\n",
            "the anomaly window must be from 8 to 100000, got 2", null),
        base("playbook without a bound", GUARD + "playbook «pb» on login {\n  when brute\n"
                + "  emit lock(user = user, reason = \"x\")\n  explain \"x\"\n}\n", "playbook `pb` has no bound",
            "every playbook needs one, e.g. `bound at_most 10 per 1m, cooldown 5m per user`"),
        playbook("emitting an unknown signal", "  when brute\n  emit «lok»(user = user)\n  bound at_most 1 per 1m",
            "unknown signal `lok`", "did you mean `lock`?"),
        playbook("missing signal argument", "  when brute\n  emit «lock»(user = user)\n  bound at_most 1 per 1m",
            "missing argument `reason` for signal `lock`", "add `reason = …` to the emit"),
        playbook("extra signal argument", "  when brute\n  emit lock(user = user, reason = \"r\", «why» = \"w\")\n"
            + "  bound at_most 1 per 1m", "signal `lock` has no argument `why`", null),
        playbook("mistyped signal argument", "  when brute\n  emit lock(user = user, reason = «5»)\n"
            + "  bound at_most 1 per 1m", "argument `reason` of signal `lock` is string but this value is number", null),
        playbook("unknown detector in a condition", "  when brute and «rate».fails > 3\n"
                + "  emit lock(user = user, reason = \"r\")\n  bound at_most 1 per 1m",
            "unknown detector `rate` on schema `login`", null),
        playbook("unknown detector feature", "  when brute and d.«fail» > 3\n  emit lock(user = user, reason = \"r\")\n"
            + "  bound at_most 1 per 1m", "detector `d` has no feature `fail`", "did you mean `fails`?"),
        playbook("unknown name in a condition", "  when «brutal»\n  emit lock(user = user, reason = \"r\")\n"
                + "  bound at_most 1 per 1m", "unknown name `brutal`: not a rule, fact or field of schema `login`",
            "did you mean `brute`?"),
        playbook("unknown level of a fact", "  when attempts_level == «\"BOILING\"»\n"
                + "  emit lock(user = user, reason = \"r\")\n  bound at_most 1 per 1m",
            "fact `attempts_level` has no level \"BOILING\"", "its levels are WARM, HOT"),
        playbook("ordering text", "  when user «>» 5\n  emit lock(user = user, reason = \"r\")\n  bound at_most 1 per 1m",
            "`>` compares numbers, not string and number", null),
        playbook("a number as a condition", "  when «attempts»\n  emit lock(user = user, reason = \"r\")\n"
                + "  bound at_most 1 per 1m", "`attempts` is u32, not a condition",
            "compare it, e.g. `attempts > 20`, or name a rule"),
        playbook("at_most zero", "  when brute\n  emit lock(user = user, reason = \"r\")\n  bound at_most «0» per 1m",
            "at_most must be from 1 to 1000000, got 0", null),
        playbook("cooldown scoped by an unknown field", "  when brute\n  emit lock(user = user, reason = \"r\")\n"
            + "  bound cooldown 5m per «usr»", "unknown field `usr` in schema `login`", "did you mean `user`?"),
        pipeline("unknown pipeline member", "  schemas [login]\n  policies [«guard»]", "unknown policy `guard`", null),
        base("member on a schema the pipeline lacks", GUARD + "schema other v1 {\n  table others\n  key [id]\n"
                + "  fields {\n    id: string\n  }\n}\npipeline pl {\n  schemas [other]\n  policies [«g»]\n}\n",
            "`g` works on schema `login`, which pipeline `pl` does not list", "add `login` to its schemas"),
        base("pipeline without a schema", GUARD + "pipeline «pl» {\n  policies [g]\n}\n", "pipeline `pl` has no schema",
            "add `schemas [NAME]`"),
        pipeline("unknown overload policy", "  schemas [login]\n  proxy { overload «drop_all» }",
            "unknown overload policy `drop_all`", "use backpressure, shed_oldest, shed_newest or sample"),
        pipeline("low watermark above high", "  schemas [login]\n  proxy { high_watermark 0.5, low_watermark «0.7» }",
            "the low watermark must be below the high watermark", null),
        pipeline("zero spines", "  schemas [login]\n  spines «0»", "the number of spines must be from 1 to 64, got 0",
            null),
        pipeline("unknown proxy setting", "  schemas [login]\n  proxy { «bufer» 10 }", "unknown proxy setting `bufer`",
            "proxy settings are buffer, high_watermark, low_watermark, overload and coalesce"),
        pipeline("tcp port out of range", "  schemas [login]\n  sidecar { tcp «70000» }",
            "the port must be from 1 to 65535, got 70000", null),
        base("missing `on` in a policy", "policy p «login» {\n}\n",
            "expected `on` after the policy name (`policy NAME on SCHEMA`), found `login`", null),
        base("unterminated string", "list n: string = [«\"abc]»\n", "unterminated string",
            "close it with `\"` on the same line"),
        base("unexpected character", "list n: string = [«$»]\n", "unexpected character `$`",
            "contracts use letters, digits, `_`, strings in double quotes and the symbols { } [ ] ( ) , : = < > ? @ . ~ %"),
        base("bad duration unit", GUARD + "detector e on login by user {\n  count over «5min» as c\n}\n",
            "`5min` is not a number or duration", "durations are whole numbers with a unit: 500ms, 30s, 5m, 1h, 1d"),
        base("unknown declaration", "«polic» p on login {\n}\n",
            "expected a declaration (schema, list, policy, detector, signal, playbook, pipeline or import), found `polic`",
            null),
        policy("unknown policy item", "  «predicat» a = attempts > 1", "unknown policy item `predicat`",
            "a policy holds `predicate`, `threshold`, `rule` and `redact` lines"),
        base("unterminated comment", "«/*» never closed\n", "unterminated comment", "close it with `*/`"),
        base("unknown escape", "list n: string = [\"a«\\q»\"]\n", "unknown escape `\\q` in a string",
            "use \\\", \\\\, \\n or \\t"));
  }
}
