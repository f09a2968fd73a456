package dev.ben.benctl.build;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.contracts.project.ProjectSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and reads the key a build signs with: {@code --key}, else the one {@code ben.project}
 * names.
 */
final class SignerInput {

  /** The key and the file it came from, for the build summary. */
  record Signer(SigningKey key, Path file) {}

  private SignerInput() {}

  static Signer resolve(Path projectDir, ProjectSettings settings, Path override) {
    Path file = override != null ? override : projectDir.resolve(settings.keyPath());
    if (!Files.isRegularFile(file)) {
      String hint =
          override != null
              ? "check the --key path"
              : "ben.project names key \""
                  + settings.keyPath()
                  + "\"; create it with `benctl keygen "
                  + baseName(settings.keyPath())
                  + " --dir "
                  + projectDir.resolve(settings.keyPath()).getParent()
                  + "` or sign with another key using --key FILE.key";
      throw CommandFailure.refused("no signing key at " + file + "; " + hint);
    }
    try {
      return new Signer(KeyFiles.readSigningKey(file), file);
    } catch (KeyFileException e) {
      throw CommandFailure.refused(e.getMessage(), e);
    }
  }

  private static String baseName(String keyPath) {
    String name = Path.of(keyPath).getFileName().toString();
    return name.endsWith(KeyFiles.PRIVATE_SUFFIX)
        ? name.substring(0, name.length() - KeyFiles.PRIVATE_SUFFIX.length())
        : name;
  }
}
