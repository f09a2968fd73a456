package dev.ben.benctl.bundle;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.contracts.bundle.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Which public keys a command trusts: {@code --trust FILE.pub} (repeatable) and {@code --trust-dir
 * DIR}.
 */
public final class TrustOptions {

  // One file per --trust (repeat it for more) so that a following BUNDLE argument is never taken as
  // a key.
  @Option(
      names = "--trust",
      paramLabel = "PUBFILE",
      description =
          "A public key file (NAME.pub from 'benctl keygen') whose signatures to accept;"
              + " repeat for several.")
  private List<Path> files = new ArrayList<>();

  @Option(
      names = "--trust-dir",
      paramLabel = "DIR",
      description =
          "Trust every *.pub file in this directory (for example the project's keys/ folder).")
  private Path directory;

  /** The trusted keys; refuses if none were named or one cannot be read. */
  public TrustedKeys load() {
    List<Path> all = new ArrayList<>(files);
    if (directory != null) {
      all.addAll(publicKeysIn(directory));
    }
    if (all.isEmpty()) {
      throw CommandFailure.usage(
          "no trusted keys given; pass --trust FILE.pub (the signer's public key)"
              + " or --trust-dir DIR");
    }
    try {
      return TrustedKeys.load(all);
    } catch (KeyFileException e) {
      throw CommandFailure.refused(e.getMessage(), e);
    }
  }

  private static List<Path> publicKeysIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw CommandFailure.refused(
          directory + ": --trust-dir must name a directory holding *.pub files");
    }
    try (Stream<Path> entries = Files.list(directory)) {
      List<Path> keys =
          entries
              .filter(p -> p.getFileName().toString().endsWith(KeyFiles.PUBLIC_SUFFIX))
              .sorted()
              .toList();
      if (keys.isEmpty()) {
        throw CommandFailure.refused(directory + ": holds no *.pub files to trust");
      }
      return keys;
    } catch (IOException e) {
      throw CommandFailure.refused(directory + ": cannot list: " + e.getMessage(), e);
    }
  }
}
