package dev.ben.contracts.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code NAME.key} and {@code NAME.pub} files. The public file holds one {@code BEN ED25519 PUBLIC
 * KEY} block (X.509). The private file holds a {@code BEN ED25519 PRIVATE KEY} block (PKCS#8)
 * followed by the public block, because the JDK cannot derive an Ed25519 public key from a private
 * one and signing needs the key id.
 */
public final class KeyFiles {

  public static final String PRIVATE_SUFFIX = ".key";
  public static final String PUBLIC_SUFFIX = ".pub";
  static final String PRIVATE_LABEL = "BEN ED25519 PRIVATE KEY";
  static final String PUBLIC_LABEL = "BEN ED25519 PUBLIC KEY";
  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,63}");
  private static final long MAX_KEY_FILE_BYTES = 16 * 1024;

  /** The two files of one key pair. */
  public record Written(Path privateFile, Path publicFile, String keyId) {}

  private KeyFiles() {}

  /**
   * Whether {@code name} can name a key pair (letters, digits, _ . -, not starting with . or -).
   */
  public static boolean isValidName(String name) {
    return name != null && KEY_NAME.matcher(name).matches();
  }

  /**
   * Writes {@code dir/NAME.key} and {@code dir/NAME.pub}; refuses to replace existing files unless
   * told.
   */
  public static Written write(Path dir, String name, SigningKey key, boolean overwrite)
      throws KeyFileException {
    if (!isValidName(name)) {
      throw new KeyFileException(
          dir.resolve(String.valueOf(name)),
          "'"
              + name
              + "' is not a usable key name;"
              + " use letters, digits, _ . or - (at most 64, not starting with . or -)");
    }
    Path privateFile = dir.resolve(name + PRIVATE_SUFFIX);
    Path publicFile = dir.resolve(name + PUBLIC_SUFFIX);
    if (!overwrite) {
      for (Path file : List.of(privateFile, publicFile)) {
        if (Files.exists(file)) {
          throw new KeyFileException(
              file, "already exists; choose another name or pass --force to replace it");
        }
      }
    }
    String publicBlock = PemText.block(PUBLIC_LABEL, key.publicKey().getEncoded());
    String privateText =
        "Ben signing key "
            + key.keyId()
            + ". Keep this file secret; share "
            + name
            + PUBLIC_SUFFIX
            + " instead.\n"
            + PemText.block(PRIVATE_LABEL, key.privateKey().getEncoded())
            + publicBlock;
    String publicText =
        "Ben public key "
            + key.keyId()
            + ". Trust it to accept bundles signed by "
            + name
            + PRIVATE_SUFFIX
            + ".\n"
            + publicBlock;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new KeyFileException(dir, "cannot create the directory: " + e.getMessage(), e);
    }
    writeText(privateFile, privateText, true, overwrite);
    writeText(publicFile, publicText, false, overwrite);
    return new Written(privateFile, publicFile, key.keyId());
  }

  /** Reads a {@code .pub} file. */
  public static PublicKey readPublicKey(Path file) throws KeyFileException {
    return publicKeyIn(file, readBlocks(file));
  }

  /**
   * Reads the text of a {@code .pub} file sent rather than read from disk; {@code source} names it
   * in refusals.
   */
  public static PublicKey parsePublicKey(String text, String source) throws KeyFileException {
    Path named = Path.of(source);
    if (text.length() > MAX_KEY_FILE_BYTES) {
      throw new KeyFileException(named, "is too large to be a public key file");
    }
    try {
      return publicKeyIn(named, PemText.parse(text));
    } catch (IllegalArgumentException e) {
      throw new KeyFileException(named, "is damaged: " + e.getMessage(), e);
    }
  }

  private static PublicKey publicKeyIn(Path file, List<PemText.Block> blocks)
      throws KeyFileException {
    if (blocks.stream().anyMatch(b -> b.label().equals(PRIVATE_LABEL))) {
      throw new KeyFileException(
          file,
          "holds a PRIVATE key; pass the matching "
              + PUBLIC_SUFFIX
              + " file instead (and keep this one secret)");
    }
    return publicKeyFrom(
        file, single(file, blocks, PUBLIC_LABEL, "a Ben public key (" + PUBLIC_SUFFIX + ")"));
  }

  /** Reads a {@code .key} file and checks that its two halves belong together. */
  public static SigningKey readSigningKey(Path file) throws KeyFileException {
    List<PemText.Block> blocks = readBlocks(file);
    if (blocks.stream().noneMatch(b -> b.label().equals(PRIVATE_LABEL))
        && blocks.stream().anyMatch(b -> b.label().equals(PUBLIC_LABEL))) {
      throw new KeyFileException(
          file,
          "holds only a PUBLIC key; signing needs the "
              + PRIVATE_SUFFIX
              + " file made by 'benctl keygen'");
    }
    byte[] privateBytes =
        single(file, blocks, PRIVATE_LABEL, "a Ben private key (" + PRIVATE_SUFFIX + ")");
    byte[] publicBytes = single(file, blocks, PUBLIC_LABEL, "the public half of the key");
    PrivateKey privateKey;
    try {
      privateKey =
          KeyFactory.getInstance(Ed25519.ALGORITHM)
              .generatePrivate(new PKCS8EncodedKeySpec(privateBytes));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyFileException(
          file,
          "the private key is corrupt ("
              + e.getMessage()
              + "); restore it from a backup or make a new pair with 'benctl keygen'",
          e);
    }
    var key = new SigningKey(privateKey, publicKeyFrom(file, publicBytes));
    if (!key.halvesMatch()) {
      throw new KeyFileException(
          file,
          "the private and public halves do not belong together; the file was"
              + " edited or assembled from two pairs. Make a new pair with 'benctl keygen'");
    }
    return key;
  }

  private static PublicKey publicKeyFrom(Path file, byte[] encoded) throws KeyFileException {
    try {
      return KeyFactory.getInstance(Ed25519.ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyFileException(
          file,
          "the public key is corrupt ("
              + e.getMessage()
              + "); copy the .pub file again from its owner",
          e);
    }
  }

  private static byte[] single(Path file, List<PemText.Block> blocks, String label, String expected)
      throws KeyFileException {
    var matching = blocks.stream().filter(b -> b.label().equals(label)).toList();
    if (matching.size() != 1) {
      throw new KeyFileException(
          file,
          matching.isEmpty()
              ? "is not " + expected + ": no '" + label + "' block found"
              : "holds "
                  + matching.size()
                  + " '"
                  + label
                  + "' blocks; a key file holds exactly one");
    }
    return matching.get(0).bytes();
  }

  private static List<PemText.Block> readBlocks(Path file) throws KeyFileException {
    String text;
    try {
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new KeyFileException(
            file,
            "is too large to be a key file (over "
                + MAX_KEY_FILE_BYTES
                + " bytes); check the path");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KeyFileException(
          file, "no such file; make a key pair with 'benctl keygen NAME'", e);
    } catch (IOException e) {
      throw new KeyFileException(file, "cannot read the key file: " + e.getMessage(), e);
    }
    try {
      return PemText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new KeyFileException(file, "is damaged: " + e.getMessage(), e);
    }
  }

  private static void writeText(Path file, String text, boolean secret, boolean overwrite)
      throws KeyFileException {
    var options =
        overwrite
            ? new StandardOpenOption[] {
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE
            }
            : new StandardOpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    try {
      if (secret && posix) {
        // Created owner-only so the secret is never readable by others, not even for a moment.
        var ownerOnly = PosixFilePermissions.fromString("rw-------");
        try (var channel =
            Files.newByteChannel(
                file, Set.of(options), PosixFilePermissions.asFileAttribute(ownerOnly))) {
          channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
        Files.setPosixFilePermissions(file, ownerOnly);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8, options);
      }
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException(
          file, "already exists; choose another name or pass --force to replace it", e);
    } catch (IOException e) {
      throw new KeyFileException(file, "cannot write the key file: " + e.getMessage(), e);
    }
  }
}
