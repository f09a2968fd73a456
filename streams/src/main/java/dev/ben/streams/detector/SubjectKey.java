package dev.ben.streams.detector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Event;
import java.util.List;

/**
 * Who a detector decision is about, as the event log's {@code user_key} subject: the values of the
 * fields the pipeline's detectors key the event by, read from the event as the spine handed it on,
 * so a field the schema redacts gives its redacted form and never the plain value. Several fields
 * join with {@code /} in the key's order. Control characters (a sender chooses the values) become
 * {@code ?}, so the log never refuses a decision's record because of what it is about.
 */
public final class SubjectKey {

  private SubjectKey() {}

  /** The key, or null when the detectors have no key or the event lacks one of its fields. */
  public static String of(ObjectNode body, List<String> keyFields) {
    return of(null, body, keyFields);
  }

  /**
   * The same key, read from {@code typed}, the event {@code body} stands for, where it can be (see
   * {@link FieldText}); null to read the body.
   */
  public static String of(Event typed, ObjectNode body, List<String> keyFields) {
    if (body == null || keyFields.isEmpty()) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    for (String field : keyFields) {
      String value = FieldText.of(typed, body, field);
      if (value == null) {
        return null;
      }
      if (key.length() > 0) {
        key.append('/');
      }
      key.append(value);
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        key.setCharAt(i, '?');
      }
    }
    return key.toString();
  }
}
