package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.Lifecycle;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.StageReply;
import dev.ben.api.control.VersionState;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.streams.ledger.RocksLedgerStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerBookTest {

  private static final SigningKey TRUSTED = Ed25519.generate();
  private static final SigningKey STRANGER = Ed25519.generate();
  private static final byte[] AUTH = bundle(TRUSTED);

  @TempDir Path dir;

  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private RocksLedgerStore store;
  private LedgerBook book;

  private static byte[] bundle(SigningKey key) {
    var contracts = ProjectLoader.load(Path.of("../examples/auth")).compile("").orElseThrow();
    return ContractBundles.build(contracts, key).toBytes();
  }

  @BeforeEach
  void open() {
    store = TestLedger.openStore(dir.resolve("ledger"));
    book =
        new LedgerBook(
            store, () -> TrustedKeys.of(TRUSTED.publicKey()), () -> clock.addAndGet(1000));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void stagingRecordsANewDraftVersionEachTime() {
    StageReply first = book.stage(AUTH, "ann@host");
    StageReply second = book.stage(AUTH, "ann@host");
    assertEquals(1, first.getStaged(0).getVersion());
    assertEquals(2, second.getStaged(0).getVersion());
    assertEquals(TRUSTED.keyId(), first.getKeyId());
    PipelineStatus status = book.status("auth", true).build();
    assertEquals(Lifecycle.DRAFT, status.getLifecycle());
    assertEquals(0, status.getActiveVersion());
    assertEquals(2, status.getVersionsCount());
    assertEquals(VersionState.STAGED, status.getVersions(1).getState());
    assertEquals("staged", status.getHistory(0).getType());
    assertEquals("ann@host", status.getHistory(0).getSource());
    assertTrue(
        status.getHistory(1).getSummary().startsWith("staged v2 from bundle sha256:"),
        status.getHistory(1).getSummary());
  }

  @Test
  void aBundleSignedByAnUntrustedKeyIsRefusedAndNothingIsRecorded() {
    var refused = assertThrows(LedgerRefusal.class, () -> book.stage(bundle(STRANGER), "eve@host"));
    assertEquals(LedgerRefusal.Kind.UNTRUSTED, refused.kind());
    assertTrue(
        refused.getMessage().startsWith("bundle refused: signing key not trusted"),
        refused.getMessage());
    assertEquals(0, book.headers().size());
  }

  @Test
  void aTamperedBundleIsRefusedAsInvalid() {
    String text = new String(AUTH, StandardCharsets.UTF_8).replace("\"KP\"", "\"KR\"");
    var refused =
        assertThrows(
            LedgerRefusal.class,
            () -> book.stage(text.getBytes(StandardCharsets.UTF_8), "eve@host"));
    assertEquals(LedgerRefusal.Kind.INVALID, refused.kind());
    assertTrue(
        refused.getMessage().contains("artifact fingerprint mismatch"), refused.getMessage());
  }

  @Test
  void anUnstagedVersionKeepsItsRecordAndCannotBeUnstagedTwice() {
    book.stage(AUTH, "ann@host");
    assertEquals(VersionState.UNSTAGED, book.unstage("auth", 1, "ann@host").getState());
    var again = assertThrows(LedgerRefusal.class, () -> book.unstage("auth", 1, "ann@host"));
    assertEquals(LedgerRefusal.Kind.CONFLICT, again.kind());
    assertEquals(
        2,
        book.stage(AUTH, "ann@host").getStaged(0).getVersion(),
        "version numbers are never reused");
  }

  @Test
  void anUnknownPipelineIsNotFoundAndTheKnownOnesAreNamed() {
    book.stage(AUTH, "ann@host");
    var refused = assertThrows(LedgerRefusal.class, () -> book.status("authz", false));
    assertEquals(LedgerRefusal.Kind.NOT_FOUND, refused.kind());
    assertTrue(
        refused.getMessage().contains("no pipeline 'authz'; the ledger knows [auth]"),
        refused.getMessage());
  }

  @Test
  void whatWasStagedSurvivesAReopen() {
    book.stage(AUTH, "ann@host");
    store.close();
    open();
    assertEquals(1, book.status("auth", false).build().getVersionsCount());
  }
}
