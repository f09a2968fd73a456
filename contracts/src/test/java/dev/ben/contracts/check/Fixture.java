package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small valid project exercising every construct, which negative tests mutate one mistake at a
 * time.
 */
final class Fixture {
  static final String PROJECT = "name = \"fixture\"\nkey = \"keys/fixture.key\"\n";
  static final String NAMES = "# sanctioned names\nivan petrov\n\nmaria gonzalez\n";
  static final String BASE =
      """
      schema login v1 {
        table logins
        key [tenant, user]
        order_by [tenant, ts]
        fields {
          ts: timestamp
          tenant: string
          user: string
          ip: ipv4
          country: string?
          attempts: u32
          score: f64
          admin: bool
          email: string? @pii
          tags: [string]
        }
      }
      list risky: string = ["KP", "IR"]
      list names: string = file("lists/names.txt")
      list ports: u16 = [22, 3389]
      policy guard on login {
        predicate failed = attempts > 5
        predicate risky_country = country in risky
        predicate internal = ip in cidr("10.0.0.0/8")
        predicate sanctioned = user ~ names within 2
        predicate odd = attempts % 2 == 1
        predicate both = all(failed, not(internal))
        threshold heat on attempts gte { WARM = 3, HOT = 10 } fact attempts_level
        rule brute = all(failed) none(internal) => flag priority 10
        rule hot = any(heat.HOT) => sample(10)
        redact email hash(keyed)
      }
      detector rate on login by user {
        count over 5m as fails where failed
        sum attempts over 1h as total
        ewma score alpha 0.2
        ttl_counter strikes ttl 1h incr on brute
      }
      signal lock { user: string, reason: string }
      playbook lockout on login {
        when brute and rate.fails > 20
        emit lock(user = user, reason = "brute force")
        bound at_most 10 per 1m, cooldown 5m per user
        explain "too many failures"
      }
      pipeline auth {
        schemas [login]
        policies [guard]
        detectors [rate]
        playbooks [lockout]
        sidecar { http; uds "auth.sock" }
        proxy { buffer 1000, high_watermark 0.8, low_watermark 0.5, overload shed_oldest, coalesce 64 }
        spines 2
        store { table logins, replica on }
      }
      """;

  private Fixture() {}

  static LoadedProject load(String auth) {
    return load(Map.of("auth.ben", auth));
  }

  static LoadedProject load(Map<String, String> benFiles) {
    Map<String, String> files = new LinkedHashMap<>(benFiles);
    files.putIfAbsent("ben.project", PROJECT);
    files.putIfAbsent("lists/names.txt", NAMES);
    return ProjectLoader.load(SourceTree.of(files));
  }

  /** Headers ({@code file:line:col: severity: message}) of all diagnostics, in source order. */
  static List<String> headers(LoadedProject project) {
    return project.diagnostics().sorted().stream().map(Diagnostic::header).toList();
  }

  /** The base with one textual replacement (which must occur exactly once). */
  static String mutate(String from, String to) {
    int at = BASE.indexOf(from);
    if (at < 0 || BASE.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("`" + from + "` must occur exactly once in the fixture");
    }
    return BASE.substring(0, at) + to + BASE.substring(at + from.length());
  }
}
