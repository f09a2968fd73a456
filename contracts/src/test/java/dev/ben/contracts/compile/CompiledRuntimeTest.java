package dev.ben.contracts.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.ContractSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiled contracts run on the engines: what the language says is what the runtime decides. */
class CompiledRuntimeTest {
  private static final byte[] KEY = "test-deployment-key".getBytes(StandardCharsets.UTF_8);

  private static EvaluationResult evaluate(
      ContractRuntime runtime, String schema, String json, long now) {
    Translation translation = runtime.translate(schema, json.getBytes(StandardCharsets.UTF_8));
    Translation.Accepted accepted =
        assertInstanceOf(Translation.Accepted.class, translation, translation.toString());
    return runtime.evaluate(accepted.event(), now);
  }

  @Test
  void authExampleFlagsBruteForceAndRedacts() {
    ContractRuntime runtime =
        ContractRuntime.build(CompilerTest.compileExample("auth"), "auth", KEY);
    EvaluationResult result =
        evaluate(
            runtime,
            "login",
            """
        {"ts": "2024-05-01T10:00:00Z", "tenant": "acme", "user": "bob", "ip": "203.0.113.9",
         "country": "KP", "attempts": 12, "card": "4111111111111111", "email": "bob@example.com"}""",
            1_714_557_600_000L);
    assertEquals(List.of("failed_burst", "risky_country", "heat.WARM", "heat.HOT"), result.bits());
    assertEquals(List.of("brute_force"), result.rules());
    assertEquals("flag", result.action());
    assertEquals("HOT", result.facts().get("attempts_level"));
    assertEquals("************1111", result.redacted().get("card"));
    assertTrue(!"bob@example.com".equals(result.redacted().get("email")));
  }

  @Test
  void helperPredicatesAndInlineListsEvaluateAsWritten() {
    ContractSet set =
        CompilerTest.compile(
            """
        schema s v1 {
          table events
          key [id]
          fields {
            id: string
            n: i64
            ok: bool
            code: string?
          }
        }
        policy p on s {
          predicate big = n > 10
          predicate odd_or_bad = any(n % 2 != 0, not(ok))
          predicate listed = code in ["x", "y"]
          rule r = all(big, odd_or_bad) none(listed) => flag priority 2
          rule q = any(listed) => drop_with_reason "listed code" priority 5
        }
        pipeline pl { schemas [s] policies [p] store { table events } }
        """);
    ContractRuntime runtime = ContractRuntime.build(set, "pl", KEY);
    EvaluationResult odd = evaluate(runtime, "s", "{\"id\":\"a\",\"n\":11,\"ok\":true}", 0);
    assertEquals(List.of("r"), odd.rules());
    EvaluationResult even = evaluate(runtime, "s", "{\"id\":\"a\",\"n\":12,\"ok\":true}", 0);
    assertEquals(List.of(), even.rules());
    EvaluationResult listed =
        evaluate(runtime, "s", "{\"id\":\"a\",\"n\":12,\"ok\":false,\"code\":\"y\"}", 0);
    assertEquals(List.of("q"), listed.rules().subList(0, 1));
  }
}
