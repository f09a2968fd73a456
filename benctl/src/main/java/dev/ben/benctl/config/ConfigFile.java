package dev.ben.benctl.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.Environment;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * benctl's configuration file: {@code $BENCTL_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/ben/config.json}, else {@code ~/.config/ben/config.json}. It holds tokens, so it
 * is written owner-only (file 0600, a directory benctl creates 0700) and atomically: a crash leaves
 * the old file or the new one, never half of either. A file benctl cannot read is refused, never
 * overwritten, so a hand edit gone wrong loses nothing.
 */
public final class ConfigFile {

  static final String ENV = "BENCTL_CONFIG";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final Path path;

  public ConfigFile(Path path) {
    this.path = path;
  }

  /** The file the environment points at. */
  public static ConfigFile of(Environment environment) {
    String home = environment.variable("HOME");
    return new ConfigFile(
        location(environment, home == null ? System.getProperty("user.home") : home));
  }

  static Path location(Environment environment, String home) {
    String explicit = environment.variable(ENV);
    if (explicit != null) {
      return Path.of(explicit);
    }
    String xdg = environment.variable("XDG_CONFIG_HOME");
    Path base = xdg != null ? Path.of(xdg) : Path.of(home, ".config");
    return base.resolve("ben").resolve("config.json");
  }

  public Path path() {
    return path;
  }

  /**
   * The configuration; empty when the file does not exist (or is empty), refused when malformed.
   */
  public BenctlConfig load() {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException missing) {
      return BenctlConfig.empty();
    } catch (IOException unreadable) {
      throw CommandFailure.refused("cannot read " + path + ": " + unreadable, unreadable);
    }
    if (text.isBlank()) {
      return BenctlConfig.empty();
    }
    try {
      BenctlConfig config = MAPPER.readValue(text, BenctlConfig.class);
      if (config == null) {
        throw CommandFailure.refused(malformed("it holds null instead of an object"));
      }
      return config;
    } catch (JsonProcessingException bad) {
      throw CommandFailure.refused(malformed(problem(bad)), bad);
    }
  }

  /** Replaces the file with {@code config}, owner-only and atomically. */
  public void save(BenctlConfig config) {
    Path directory = path.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, ownerOnly("rwx------"));
      }
      temporary = Files.createTempFile(directory, ".config-", ".tmp", ownerOnly("rw-------"));
      Files.writeString(temporary, MAPPER.writeValueAsString(config) + "\n");
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temporary = null;
    } catch (AtomicMoveNotSupportedException notAtomic) {
      throw CommandFailure.refused(
          "cannot replace " + path + " atomically on its file system: " + notAtomic, notAtomic);
    } catch (IOException failed) {
      throw CommandFailure.refused("cannot write " + path + ": " + failed, failed);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private String malformed(String problem) {
    return path
        + " is not a valid benctl configuration: "
        + problem
        + "; fix it by hand or point "
        + ENV
        + " elsewhere (benctl leaves it as it is)";
  }

  private static String problem(JsonProcessingException bad) {
    String what;
    if (bad instanceof UnrecognizedPropertyException unknown) {
      what =
          "unknown key \""
              + unknown.getPropertyName()
              + "\" (known: "
              + unknown.getKnownPropertyIds()
              + ")";
    } else if (bad instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
      what = invalid.getCause().getMessage();
    } else {
      what = bad.getOriginalMessage();
    }
    if (bad instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      what += " at " + where(mapping);
    }
    JsonLocation at = bad.getLocation();
    return at == null
        ? what
        : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** The JSON path of the problem, e.g. {@code contexts[1].token-expires}. */
  private static String where(JsonMappingException mapping) {
    var where = new StringBuilder();
    for (JsonMappingException.Reference step : mapping.getPath()) {
      if (step.getFieldName() != null) {
        where.append(where.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        where.append('[').append(step.getIndex()).append(']');
      }
    }
    return where.toString();
  }

  /** Owner-only permissions where the file system has POSIX permissions (not on Windows). */
  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // The write already failed and says so; a stray temporary file is the lesser problem.
    }
  }
}
