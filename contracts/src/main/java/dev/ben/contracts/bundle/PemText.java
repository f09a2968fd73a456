package dev.ben.contracts.bundle;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM-style text (RFC 7468): labelled base64 blocks, with lines outside blocks treated as comments.
 * Parse errors carry the line number so a person can find the damage.
 */
final class PemText {

  private static final int LINE_WIDTH = 64;
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  /** One labelled block. */
  record Block(String label, byte[] bytes) {}

  private PemText() {}

  static String block(String label, byte[] bytes) {
    var out = new StringBuilder();
    out.append(BEGIN).append(label).append(DASHES).append('\n');
    String base64 = Base64.getEncoder().encodeToString(bytes);
    for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
      out.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
    }
    out.append(END).append(label).append(DASHES).append('\n');
    return out.toString();
  }

  /** The blocks in order; throws {@link IllegalArgumentException} naming the line of any damage. */
  static List<Block> parse(String text) {
    List<Block> blocks = new ArrayList<>();
    String label = null;
    var base64 = new StringBuilder();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int lineNumber = i + 1;
      if (label == null) {
        if (line.startsWith(BEGIN)) {
          label = labelOf(line, BEGIN, lineNumber);
          base64.setLength(0);
        }
      } else if (line.startsWith(END)) {
        String endLabel = labelOf(line, END, lineNumber);
        if (!endLabel.equals(label)) {
          throw new IllegalArgumentException(
              "line " + lineNumber + ": block '" + label + "' is closed by END " + endLabel);
        }
        blocks.add(new Block(label, decode(base64, label, lineNumber)));
        label = null;
      } else {
        base64.append(line);
      }
    }
    if (label != null) {
      throw new IllegalArgumentException(
          "block '" + label + "' has no END line; the file is cut short");
    }
    return blocks;
  }

  private static String labelOf(String line, String prefix, int lineNumber) {
    if (!line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length() + 1) {
      throw new IllegalArgumentException(
          "line " + lineNumber + ": malformed armour line '" + line + "'");
    }
    return line.substring(prefix.length(), line.length() - DASHES.length());
  }

  private static byte[] decode(CharSequence base64, String label, int endLine) {
    try {
      return Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "block '"
              + label
              + "' ending at line "
              + endLine
              + " is not valid base64 ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
