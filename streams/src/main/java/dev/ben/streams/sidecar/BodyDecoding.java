package dev.ben.streams.sidecar;

import java.util.Locale;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.StreamLimitReachedException;
import org.apache.pekko.stream.javadsl.Compression;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Decodes a request body sent with {@code Content-Encoding: gzip} or {@code deflate} while it
 * streams, and holds the decoded bytes to the same limit as the sent ones: a small compressed body
 * can expand a thousandfold (a "zip bomb"), so the decoded stream fails with {@link TooLarge} at
 * the limit instead of running on. Decoding is demand-driven, so no more than a chunk is ever
 * expanded ahead of the reader.
 */
public final class BodyDecoding {

  /** The content codings ingest reads (RFC 9110, 8.4.1); {@code deflate} is the zlib format. */
  public enum Coding {
    IDENTITY,
    GZIP,
    DEFLATE;

    /**
     * The coding a {@code Content-Encoding} header names (absent or {@code identity}: none), or
     * empty for one ingest cannot read, or several layered.
     */
    public static Optional<Coding> of(Optional<String> header) {
      String value = header.map(h -> h.strip().toLowerCase(Locale.ROOT)).orElse("");
      return switch (value) {
        case "", "identity" -> Optional.of(IDENTITY);
        case "gzip", "x-gzip" -> Optional.of(GZIP);
        case "deflate" -> Optional.of(DEFLATE);
        default -> Optional.empty();
      };
    }
  }

  /** The codings an unreadable request is told about. */
  public static final String SUPPORTED = "gzip, deflate (zlib) or none";

  /** Largest chunk a decoder emits; each is at most this many bytes ahead of the reader. */
  private static final int CHUNK_BYTES = 64 * 1024;

  private BodyDecoding() {}

  public static Source<ByteString, NotUsed> decoded(
      Source<ByteString, ?> sent, Coding coding, long maxDecodedBytes) {
    Source<ByteString, NotUsed> body = sent.mapMaterializedValue(m -> NotUsed.getInstance());
    return switch (coding) {
      case IDENTITY -> body;
      case GZIP -> limited(body.via(Compression.gunzip(CHUNK_BYTES)), maxDecodedBytes);
      case DEFLATE -> limited(body.via(Compression.inflate(CHUNK_BYTES)), maxDecodedBytes);
    };
  }

  private static Source<ByteString, NotUsed> limited(
      Source<ByteString, NotUsed> decoded, long max) {
    return decoded
        .limitWeighted(max, chunk -> (long) chunk.length())
        .mapError(StreamLimitReachedException.class, e -> new TooLarge(max));
  }

  /** The decoded body grew past the limit. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooLarge(long limit) {
      super("the decoded request body exceeds " + limit + " bytes");
    }
  }
}
