package dev.ben.contracts.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.project.LoadedProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every construct, on every type it applies to, checks without a diagnostic and compiles. */
class CheckerPositiveTest {
  private static final String SOURCES =
      """
      schema flow v3 {
        table net_flows
        key [id]
        order_by [ts, id]
        fields {
          id: uuid
          ts: timestamp
          src: ipv6
          dst: ipv4
          bytes: u64
          ratio: f32
          port: u16
          delta: i8
          proto: string
          tags: [string]
          note: string? @pii
          secret: string @pii
        }
      }
      list blocked: ipv4 = ["192.0.2.1", "198.51.100.7"]
      list protos: string = ["tcp", "udp"]
      list ports: u16 = [22, 3389]

      policy net on flow {
        predicate from_docs = src in cidr("2001:db8::/32", "fd00::/8")
        predicate blocked_dst = dst in blocked
        predicate one_id = id == "123e4567-e89b-12d3-a456-426614174000"
        predicate recent = ts between "2024-01-01T00:00:00Z" and "2030-01-01T00:00:00+02:00"
        predicate big = bytes >= 18446744073709551615
        predicate skewed = ratio < 0.25
        predicate admin_port = port in ports
        predicate negative = delta <= -1
        predicate known_proto = proto ~ protos within 1
        predicate tls = proto in ["tls", "dtls"]
        predicate odd = port % 2 == 1
        predicate noted = note == null
        predicate mixed = any(all(big, not(skewed)), proto matches "^(ssh|rdp)$", proto contains "s")
        threshold volume on bytes gt { SOME = 1000, LOTS = 1000000 } fact volume_level
        threshold quiet on ratio lte { LOW = 0.5, LOWER = 0.1 } fact quiet_level
        rule exfil = all(big, volume.LOTS) any(from_docs, blocked_dst) none(one_id) => flag priority 100
        rule sample_quiet = any(quiet.LOWER) => sample(100)
        rule drop_noise = all(noted) => drop_with_reason "no note"
        rule scrub = all(mixed) => route lucius
        redact note mask_all
        redact secret mask_prefix(2)
        redact proto truncate(8)
        redact src generalize_ip(48)
        redact dst generalize_ip(24)
        redact id hash
      }

      detector flows on flow by dst, proto {
        sum bytes over 1h as total
        avg ratio over 10m as mean_ratio where skewed
        min port over 30s as low_port
        max bytes over 1d as peak where volume.SOME
        distinct src over 5m as sources
        cusum bytes k 0 h 1e6 as drift
        anomaly weird on bytes
        ttl_counter hits ttl 90s incr on exfil
      }

      signal block_host { host: ipv4, why: string, level: string, score: f64, count: u64 }

      playbook isolate on flow {
        when (exfil or sample_quiet) and not (volume_level < "LOTS") and flows.total >= 1e9 and port != 22
        emit block_host(host = dst, why = "exfiltration", level = volume_level, score = flows.weird, count = bytes)
        bound at_most 3 per 1h, cooldown 1d per dst
      }

      pipeline network {
        schemas   [flow]
        policies  [net]
        detectors [flows]
        playbooks [isolate]
        sidecar   { uds "net.sock" }
        proxy     { buffer 5000, high_watermark 1, low_watermark 0, overload shed_newest, coalesce 5000 }
        spines    256
        store     { table net_flows, replica off }
      }
      """;

  @Test
  void everyConstructChecksCleanlyAndCompiles() {
    LoadedProject project = Fixture.load(Map.of("flow.ben", SOURCES));
    assertEquals(List.of(), Fixture.headers(project), project.diagnostics().render());
    ContractSet set = project.compile("v3").orElseThrow();
    PolicyPack net = set.policy("net").orElseThrow();
    assertEquals(
        List.of(
            "from_docs",
            "blocked_dst",
            "one_id",
            "recent",
            "big",
            "skewed",
            "admin_port",
            "negative",
            "known_proto",
            "tls",
            "odd",
            "noted",
            "mixed.1",
            "mixed.2",
            "mixed.3",
            "mixed.4",
            "mixed",
            "volume.SOME",
            "volume.LOTS",
            "quiet.LOW",
            "quiet.LOWER"),
        net.bitNames());
    assertEquals(
        List.of("exfil", "sample_quiet", "drop_noise", "scrub"),
        net.rules().stream().map(rule -> rule.name()).toList());
    assertTrue(set.schema("flow").orElseThrow().ddl().contains("`tags` Array(String)"));
    assertEquals(8, set.detector("flows").orElseThrow().features().size());
    ContractRuntime runtime = ContractRuntime.build(set, "network", new byte[] {1, 2, 3});
    assertEquals("network", runtime.pipeline().name());
  }

  @Test
  void manyPredicatesAreFineBecauseMasksAreUnbounded() {
    StringBuilder policy = new StringBuilder("policy wide on login {\n");
    for (int i = 0; i < 300; i++) {
      policy.append("  predicate p").append(i).append(" = attempts > ").append(i).append('\n');
    }
    policy.append("  rule last = all(p299) => flag\n}\n");
    LoadedProject project =
        Fixture.load(
            Map.of("auth.ben", Fixture.BASE, "wide.ben", "import \"auth.ben\"\n" + policy));
    assertTrue(project.ok(), project.diagnostics().render());
    assertEquals(300, project.compile("v1").orElseThrow().policy("wide").orElseThrow().bitCount());
  }
}
