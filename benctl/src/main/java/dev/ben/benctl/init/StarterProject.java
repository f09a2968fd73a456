package dev.ben.benctl.init;

import java.util.List;

/**
 * The files {@code benctl init} writes. The contract uses every kind of declaration once, is
 * already in the layout {@code benctl fmt} produces, and checks without a warning; the sample
 * events make each rule fire and the playbook fire once and then be suppressed by its cooldown, so
 * {@code benctl test} has something to show.
 */
final class StarterProject {

  static final String CONTRACT_FILE = "api.ben";
  static final String EVENTS_FILE = "events/sample.ndjson";
  static final String KEYS_FOLDER = "keys";

  /**
   * What the generated {@code .gitignore} must hold: the private key never reaches a repository.
   */
  static final List<String> IGNORED = List.of("keys/*.key", "target/");

  static final String CONTRACT =
      """
      // API requests guarded against probing. Edit freely, then run `benctl check`.
      schema request v1 {
        table    requests
        key      [client]
        order_by [client, ts]
        fields {
          ts:     timestamp
          client: string
          ip:     ipv4
          path:   string
          status: u16
          bytes:  u32
          email:  string?   @pii
        }
      }

      list blocked_paths: string = ["/admin", "/.env", "/wp-login.php"]

      policy guard on request {
        predicate server_error = status >= 500
        predicate probe        = path in blocked_paths
        predicate internal     = ip in cidr("10.0.0.0/8")
        threshold size on bytes gte { LARGE = 100000, HUGE = 1000000 } fact size_level

        rule flag_probe   = all(probe) none(internal) => flag       priority 10
        rule big_response = any(size.HUGE)            => sample(10)

        redact email hash(keyed)
      }

      detector client_rate on request by client {
        count over 1m as probes where probe
        ewma  bytes alpha 0.2
      }

      signal block_client { client: string, reason: string }

      playbook block_probers on request {
        when    flag_probe and client_rate.probes >= 3
        emit    block_client(client = client, reason = "probing blocked paths")
        bound   at_most 5 per 1m, cooldown 10m per client
        explain "three probes of blocked paths within a minute from outside the network"
      }

      pipeline api {
        schemas   [request]
        policies  [guard]
        detectors [client_rate]
        playbooks [block_probers]
        sidecar   { http }
        store     { table requests, replica off }
      }
      """;

  /**
   * In order: a plain request, a server error, a huge response (sampled), an internal probe (no
   * rule), then four probes by one outside client: flagged each time, the playbook fires on the
   * third and is suppressed on the fourth.
   */
  static final String EVENTS =
      """
      {"ts": "2024-05-01T12:00:00Z", "client": "acme", "ip": "198.51.100.10", "path": "/orders", "status": 200, "bytes": 5120, "email": "ops@acme.example"}
      {"ts": "2024-05-01T12:00:05Z", "client": "acme", "ip": "198.51.100.10", "path": "/orders", "status": 503, "bytes": 512}
      {"ts": "2024-05-01T12:00:10Z", "client": "acme", "ip": "198.51.100.10", "path": "/export", "status": 200, "bytes": 2500000}
      {"ts": "2024-05-01T12:00:15Z", "client": "ops", "ip": "10.1.2.3", "path": "/admin", "status": 200, "bytes": 900}
      {"ts": "2024-05-01T12:00:20Z", "client": "mallory", "ip": "203.0.113.66", "path": "/.env", "status": 404, "bytes": 120}
      {"ts": "2024-05-01T12:00:25Z", "client": "mallory", "ip": "203.0.113.66", "path": "/wp-login.php", "status": 404, "bytes": 120}
      {"ts": "2024-05-01T12:00:30Z", "client": "mallory", "ip": "203.0.113.66", "path": "/admin", "status": 403, "bytes": 120, "email": "m@evil.example"}
      {"ts": "2024-05-01T12:00:35Z", "client": "mallory", "ip": "203.0.113.66", "path": "/admin", "status": 403, "bytes": 120}
      """;

  private StarterProject() {}

  static String benProject(String name) {
    return "# Made by `benctl init`. The key signs every bundle built from this project.\n"
        + "name = \""
        + name
        + "\"\n"
        + "key = \""
        + keyPath(name)
        + "\"\n";
  }

  static String keyPath(String name) {
    return KEYS_FOLDER + "/" + name + ".key";
  }

  static String readme(String name) {
    return "# "
        + name
        + "\n\n"
        + "A Ben project made by `benctl init`: `"
        + CONTRACT_FILE
        + "` guards API requests against probing and\n"
        + "`"
        + EVENTS_FILE
        + "` holds requests that exercise its rules and its playbook.\n\n"
        + "Next, from this folder:\n\n"
        + "    benctl check   # parse and check the contracts; every problem is shown at its line and column\n"
        + "    benctl build   # compile and sign a bundle with "
        + keyPath(name)
        + " (written to target/)\n"
        + "    benctl test    # run the contracts over events/*.ndjson and show every decision\n\n"
        + "`"
        + keyPath(name)
        + "` is secret (`.gitignore` keeps it out of git); give `"
        + KEYS_FOLDER
        + "/"
        + name
        + ".pub`\nto whoever must trust your bundles.\n";
  }
}
