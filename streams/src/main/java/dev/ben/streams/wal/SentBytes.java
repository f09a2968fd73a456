package dev.ben.streams.wal;

/**
 * The bytes an event's body was read from, as the client sent them: {@code length} bytes of {@code
 * array} from {@code offset}. Read again they give the same tree, so the log keeps them instead of
 * writing the parsed body out anew.
 */
public interface SentBytes {

  byte[] array();

  int offset();

  int length();
}
