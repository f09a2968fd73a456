package dev.ben.streams.eventlog;

/**
 * What an event is about, each key optional (null when absent): the pipeline, the contract version
 * that decided it, the app, and the (usually hashed) user key. Readers filter and join on these, so
 * they are kept apart from the type-specific data.
 */
public record EventSubjects(String pipeline, String contractVersion, String app, String userKey) {

  public static final EventSubjects NONE = new EventSubjects(null, null, null, null);

  public EventSubjects {
    pipeline = blankToNull(pipeline);
    contractVersion = blankToNull(contractVersion);
    app = blankToNull(app);
    userKey = blankToNull(userKey);
  }

  public static EventSubjects ofPipeline(String pipeline, String contractVersion) {
    return new EventSubjects(pipeline, contractVersion, null, null);
  }

  /** Refuses a key longer than {@code maxChars} or holding control characters. */
  void check(int maxChars) {
    check("/subjects/pipeline", pipeline, maxChars);
    check("/subjects/contract_version", contractVersion, maxChars);
    check("/subjects/app", app, maxChars);
    check("/subjects/user_key", userKey, maxChars);
  }

  private static void check(String field, String value, int maxChars) {
    if (value == null) {
      return;
    }
    if (value.length() > maxChars) {
      throw EventRefusedException.invalid(
          field, "is " + value.length() + " characters, over the maximum " + maxChars);
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw EventRefusedException.invalid(field, "must not contain control characters");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
