package dev.ben.benctl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {

  private static final String MESSY_LINE = "predicate failed_burst=attempts>5";
  private static final String TIDY_LINE = "  predicate failed_burst   = attempts > 5";

  @TempDir Path dir;
  private Path auth;
  private Path guard;
  private String tidyGuard;

  @BeforeEach
  void copyExample() throws Exception {
    auth = ExampleProjects.copy("auth", dir);
    guard = auth.resolve("guard.ben");
    tidyGuard = Files.readString(guard);
  }

  private void messUpGuard() throws Exception {
    assertTrue(tidyGuard.contains(TIDY_LINE + "\n"), tidyGuard);
    Files.writeString(guard, tidyGuard.replace(TIDY_LINE, MESSY_LINE));
  }

  @Test
  void theExamplesAreFormattedAndFormattingThemChangesNothing() throws Exception {
    Path web = ExampleProjects.copy("web", dir);
    String webBefore = Files.readString(web.resolve("web.ben"));

    var result = BenctlHarness.run("fmt", auth.toString(), web.toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertEquals("formatted 0 of 4 files\n", result.out());
    assertEquals("", result.err());
    assertEquals(tidyGuard, Files.readString(guard));
    assertEquals(webBefore, Files.readString(web.resolve("web.ben")));

    var check = BenctlHarness.run("fmt", "--check", auth.toString(), web.toString());
    assertEquals(ExitCode.OK, check.exitCode(), check::toString);
    assertEquals("0 of 4 files would be reformatted\n", check.out());
  }

  @Test
  void checkListsTheFilesThatWouldChangeWritesNothingAndExitsOne() throws Exception {
    messUpGuard();
    var result = BenctlHarness.run("fmt", "--check", auth.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertEquals(guard + "\n1 of 3 files would be reformatted\n", result.out());
    assertTrue(Files.readString(guard).contains(MESSY_LINE), "--check writes nothing");
  }

  @Test
  void diffShowsTheChangeInUnifiedFormAndWritesNothing() throws Exception {
    messUpGuard();
    var result = BenctlHarness.run("fmt", "--diff", auth.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result.out().startsWith("--- a/" + guard + "\n+++ b/" + guard + "\n@@ -1,7 +1,7 @@\n"),
        result::toString);
    assertTrue(
        result.out().contains("\n-" + MESSY_LINE + "\n+" + TIDY_LINE + "\n"), result::toString);
    assertTrue(result.out().endsWith("\n1 of 3 files would be reformatted\n"), result::toString);
    assertTrue(Files.readString(guard).contains(MESSY_LINE), "--diff writes nothing");
  }

  @Test
  void formattingWritesTheCanonicalTextOnceAndIsIdempotent() throws Exception {
    messUpGuard();
    var first = BenctlHarness.run("fmt", auth.toString());
    assertEquals(ExitCode.OK, first.exitCode(), first::toString);
    assertEquals(guard + "\nformatted 1 of 3 files\n", first.out());
    assertEquals(tidyGuard, Files.readString(guard));

    var second = BenctlHarness.run("fmt", auth.toString());
    assertEquals(ExitCode.OK, second.exitCode(), second::toString);
    assertEquals("formatted 0 of 3 files\n", second.out());
    assertEquals(tidyGuard, Files.readString(guard));
  }

  @Test
  void aFileWithSyntaxErrorsIsReportedAndLeftAloneWhileTheOthersAreFormatted() throws Exception {
    messUpGuard();
    String broken = "schema x v1 {\n  table xs\n  key [a\n}\n";
    Path brokenFile = Files.writeString(auth.resolve("broken.ben"), broken);

    var result = BenctlHarness.run("fmt", auth.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .startsWith(
                brokenFile
                    + ":3:9: error: expected `]` to close the list of key fields"
                    + ", found `}`\n    3 |   key [a\n      |         ^\n"),
        result::toString);
    assertEquals(broken, Files.readString(brokenFile));
    assertEquals(tidyGuard, Files.readString(guard), "the other files are still formatted");
    assertEquals(
        guard + "\nformatted 1 of 4 files; 1 file was left unchanged because of errors\n",
        result.out());
  }

  @Test
  void hiddenAndTargetFoldersAreSkippedLikeTheLoaderSkipsThem() throws Exception {
    String messy = "list a: string = [\"x\"]\nlist   b: string=[\"y\"]\n";
    for (String folder : new String[] {"target", ".cache", "sub"}) {
      Files.createDirectories(auth.resolve(folder));
      Files.writeString(auth.resolve(folder).resolve("lists.ben"), messy);
    }
    var result = BenctlHarness.run("fmt", auth.toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertEquals(auth.resolve("sub/lists.ben") + "\nformatted 1 of 4 files\n", result.out());
    assertEquals(messy, Files.readString(auth.resolve("target/lists.ben")));
    assertEquals(messy, Files.readString(auth.resolve(".cache/lists.ben")));
    assertEquals(
        "list a: string = [\"x\"]\nlist b: string = [\"y\"]\n",
        Files.readString(auth.resolve("sub/lists.ben")));
  }

  @Test
  void namedFilesAreFormattedAndOtherPathsRefused() throws Exception {
    messUpGuard();
    var one = BenctlHarness.run("fmt", guard.toString(), auth.resolve("login.ben").toString());
    assertEquals(ExitCode.OK, one.exitCode(), one::toString);
    assertEquals(guard + "\nformatted 1 of 2 files\n", one.out());

    var settings = BenctlHarness.run("fmt", auth.resolve("ben.project").toString());
    assertEquals(ExitCode.USAGE, settings.exitCode(), settings::toString);
    assertTrue(settings.err().contains("ben.project: not a .ben file"), settings::toString);

    var missing = BenctlHarness.run("fmt", dir.resolve("nope").toString());
    assertEquals(ExitCode.REFUSED, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("nope: no such file or folder"), missing::toString);

    Path empty = Files.createDirectory(dir.resolve("empty"));
    var none = BenctlHarness.run("fmt", empty.toString());
    assertEquals(ExitCode.REFUSED, none.exitCode(), none::toString);
    assertTrue(none.err().contains("no .ben files in " + empty), none::toString);
  }
}
