package dev.ben.benctl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.api.control.ArtifactChange;
import dev.ben.api.control.DiffHunk;
import dev.ben.api.control.DiffLine;
import dev.ben.api.control.DiffReply;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.command.ExitCode;
import dev.ben.contracts.diff.SourceDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code benctl diff} on the ledger's answer for two versions of the auth example whose lockout
 * threshold differs ({@code attempts > 5}, then {@code > 6}): the artifact table, then the changed
 * source lines as a unified diff, or all of it as JSON.
 */
class DiffCommandTest {

  private static final String TOKEN = "good-token";
  private static final String GUARD_SOURCE = "../examples/auth/guard.ben";

  @RegisterExtension final FakeControlSession session = new FakeControlSession(TOKEN);

  @BeforeEach
  void answerTheDiff() throws Exception {
    String before = Files.readString(Path.of(GUARD_SOURCE));
    String after = before.replace("attempts > 5", "attempts > 6");
    session
        .server()
        .answerDiff(
            DiffReply.newBuilder()
                .setPipeline("auth")
                .setFromVersion(1)
                .setToVersion(2)
                .addChanges(change("policy", "login_guard", "CHANGED"))
                .addChanges(change("schema", "login", "SAME"))
                .addChanges(
                    change("source", "guard.ben", "CHANGED")
                        .addAllHunks(hunks(SourceDiff.hunks("guard.ben", before, after))))
                .addChanges(change("source", "login.ben", "SAME"))
                .build());
  }

  private static ArtifactChange.Builder change(String kind, String name, String change) {
    return ArtifactChange.newBuilder()
        .setKind(kind)
        .setName(name)
        .setChange(change)
        .setFromFingerprint("sha256:" + "a".repeat(64))
        .setToFingerprint("sha256:" + (change.equals("SAME") ? "a" : "b").repeat(64));
  }

  /** The hunks as the ledger sends them (it computes them with the same SourceDiff). */
  private static List<DiffHunk> hunks(List<SourceDiff.Hunk> hunks) {
    return hunks.stream()
        .map(
            h ->
                DiffHunk.newBuilder()
                    .setFromLine(h.fromLine())
                    .setFromCount(h.fromCount())
                    .setToLine(h.toLine())
                    .setToCount(h.toCount())
                    .addAllLines(
                        h.lines().stream()
                            .map(l -> DiffLine.newBuilder().setOp(l.op()).setText(l.text()).build())
                            .toList())
                    .build())
        .toList();
  }

  private Result diff(String... format) {
    String[] args = new String[4 + format.length];
    System.arraycopy(new String[] {"diff", "auth", "1", "2"}, 0, args, 0, 4);
    System.arraycopy(format, 0, args, 4, format.length);
    return session.run(args);
  }

  @Test
  void theTableIsFollowedByTheChangedSourceLinesAsAUnifiedDiff() {
    Result run = diff();
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    String out = run.out();
    assertTrue(out.startsWith("auth: v1 → v2\n"), out);
    assertTrue(out.contains("changed  source  guard.ben"), out);
    String unified = out.substring(out.indexOf("--- v1/guard.ben\n"));
    assertTrue(unified.startsWith("--- v1/guard.ben\n+++ v2/guard.ben\n@@ -1,"), unified);
    assertEquals(
        List.of(
            "-  predicate failed_burst   = attempts > 5",
            "+  predicate failed_burst   = attempts > 6"),
        unified
            .lines()
            .filter(l -> l.startsWith("-") || l.startsWith("+"))
            .filter(l -> !l.startsWith("---") && !l.startsWith("+++"))
            .toList());
    assertEquals(1, out.split("--- v1/", -1).length - 1, "only the changed source has a diff");
  }

  @Test
  void jsonCarriesTheHunksOfEachChange() throws Exception {
    Result run = diff("-o", "json");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode changes = new ObjectMapper().readTree(run.out()).get("changes");
    JsonNode guard = changes.get(2);
    assertEquals("guard.ben", guard.get("name").asText());
    JsonNode hunk = guard.get("hunks").get(0);
    assertEquals(hunk.get("from_count").asInt(), hunk.get("to_count").asInt());
    List<String> edits = new ArrayList<>();
    for (JsonNode line : hunk.get("lines")) {
      if (!line.get("op").asText().equals(" ")) {
        edits.add(line.get("op").asText() + line.get("text").asText());
      }
    }
    assertEquals(
        List.of(
            "-  predicate failed_burst   = attempts > 5",
            "+  predicate failed_burst   = attempts > 6"),
        edits);
    assertEquals(0, changes.get(0).get("hunks").size(), "a compiled artifact has no lines");
  }
}
