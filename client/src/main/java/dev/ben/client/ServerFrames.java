package dev.ben.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What each frame the server sends means to the client; frames of types it does not know are
 * skipped.
 */
final class ServerFrames {

  private ServerFrames() {}

  static void dispatch(Frames.Frame frame, BenSocketClient client) throws IOException {
    String text =
        frame.type() == Frames.SIGNAL ? "" : new String(frame.payload(), StandardCharsets.UTF_8);
    try {
      if (frame.lane() == Frames.EVENTS && frame.type() == Frames.ACK) {
        client.acked(Ack.fromJson(text));
      } else if (frame.lane() == Frames.CONTROL) {
        control(frame, text, client);
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IOException(
          "the node sent a frame this client cannot read (lane "
              + frame.lane()
              + ", type "
              + frame.type()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static void control(Frames.Frame frame, String text, BenSocketClient client)
      throws IOException {
    switch (frame.type()) {
      case Frames.WELCOME -> client.welcomed(Json.object(text));
      case Frames.SIGNAL -> {
        if (frame.payload().length < Long.BYTES) {
          throw new IOException("a SIGNAL frame without its id");
        }
        long id = ByteBuffer.wrap(frame.payload()).getLong();
        client.signalled(
            id,
            new String(
                frame.payload(),
                Long.BYTES,
                frame.payload().length - Long.BYTES,
                StandardCharsets.UTF_8));
      }
      case Frames.ERROR -> {
        Map<String, Object> error = Json.object(text);
        Object seq = error.get("seq");
        client.refused(
            new BenSocketException(
                String.valueOf(error.get("reason")),
                String.valueOf(error.get("message")),
                Boolean.TRUE.equals(error.get("fatal"))),
            seq instanceof Number n ? n.longValue() : null);
      }
      default -> {
        // PONG and BYE need no answer; the connection's end follows BYE.
      }
    }
  }
}
