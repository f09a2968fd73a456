package dev.ben.streams.sidecar.socket;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * Cuts a client's byte stream into frames, whatever the chunk boundaries, and hands each to the
 * {@link PayloadParser}. A frame is buffered only once its declared length is known to be within
 * the limit, so a session holds at most one frame plus one read chunk. A length outside the limit
 * cannot be skipped safely (the peer may not be speaking this protocol at all), so it is refused as
 * fatal and everything after it is ignored; any other bad frame is refused alone and the next frame
 * is read normally. Not thread-safe: one per session.
 */
public final class FrameDecoder {

  private final int maxFrameBytes;
  private final PayloadParser parser;
  private ByteString buffer = ByteString.emptyByteString();
  private boolean broken;

  public FrameDecoder(int maxFrameBytes, PayloadParser parser) {
    this.maxFrameBytes = maxFrameBytes;
    this.parser = parser;
  }

  /** Feeds one chunk; returns what the frames it completed mean, in order. */
  public List<Inbound> feed(ByteString chunk) {
    if (broken) {
      return List.of();
    }
    buffer = buffer.concat(chunk);
    List<Inbound> out = new ArrayList<>(2);
    while (!broken && buffer.size() >= FrameType.PREFIX_BYTES) {
      long length = Integer.toUnsignedLong(buffer.iterator().getInt(ByteOrder.BIG_ENDIAN));
      if (length < FrameType.HEADER_BYTES || length > maxFrameBytes) {
        out.add(new Inbound.Refused(badLength(length)));
        broken = true;
        buffer = ByteString.emptyByteString();
        break;
      }
      int total = FrameType.PREFIX_BYTES + (int) length;
      if (buffer.size() < total) {
        break;
      }
      ByteString frame = buffer.slice(FrameType.PREFIX_BYTES, total);
      // Compact, so a long session never pins the chunks earlier frames were cut from.
      buffer = buffer.drop(total).compact();
      out.add(
          parser.parse(
              frame.apply(0) & 0xFF, frame.apply(1) & 0xFF, frame.drop(FrameType.HEADER_BYTES)));
    }
    return out;
  }

  /** Ends the input: a partial frame left over is refused (the client closed mid-frame). */
  public List<Inbound> finish() {
    if (broken || buffer.isEmpty()) {
      return List.of();
    }
    int left = buffer.size();
    buffer = ByteString.emptyByteString();
    return List.of(
        new Inbound.Refused(
            Refusal.fatal(
                Refusal.TRUNCATED_FRAME,
                "the connection ended "
                    + left
                    + " bytes into a frame; send whole frames and close only after the last one")));
  }

  /** True once a fatal refusal was returned: the session must end. */
  public boolean broken() {
    return broken;
  }

  /** Bytes held while waiting for the rest of their frame. */
  int buffered() {
    return buffer.size();
  }

  private Refusal badLength(long length) {
    if (length < FrameType.HEADER_BYTES) {
      return Refusal.fatal(
          Refusal.FRAME_TOO_SHORT,
          "a frame declared "
              + length
              + " bytes but every frame has at "
              + "least a lane and a type byte; the stream cannot be resynchronised, so the session ends (is the "
              + "client speaking the Ben socket protocol, u32 big-endian length first?)");
    }
    return Refusal.fatal(
        Refusal.FRAME_TOO_LARGE,
        "a frame declared "
            + length
            + " bytes, over the limit of "
            + maxFrameBytes
            + "; the stream cannot be resynchronised, so the session ends: split batches into smaller "
            + "frames (WELCOME says max_frame) or raise ben.ingest.socket.max-frame-bytes");
  }
}
