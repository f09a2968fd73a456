package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordCheckTest {

  @TempDir Path dir;
  private RocksIndex index;
  private PasswordCheck check;
  private StoredUser olga;

  @BeforeEach
  void open() {
    index = RocksIndex.open(dir.resolve("index"));
    IdentityStore store = new RocksIdentityStore(index);
    olga =
        new StoredUser(
            "olga", UserRole.OPERATOR, new PasswordHashes(new SecureRandom()).hash("s3cret"));
    store.createUser(olga);
    check = new PasswordCheck(store);
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void theRightPasswordGivesTheUser() {
    assertEquals(Optional.of(olga), check.check("olga", "s3cret"));
  }

  @Test
  void aWrongPasswordAnUnknownUserAndANameThatCannotExistGiveNothing() {
    assertEquals(Optional.empty(), check.check("olga", "S3cret"));
    assertEquals(Optional.empty(), check.check("oleg", "s3cret"));
    assertEquals(Optional.empty(), check.check("../olga", "s3cret"));
    assertEquals(Optional.empty(), check.check("olga", ""));
  }
}
