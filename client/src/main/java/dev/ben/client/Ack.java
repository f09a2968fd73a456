package dev.ben.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's answer to one batch: how many events entered the pipeline, how many lines were
 * refused (the first hundred listed with their line number, counted from 1 in the batch, and why),
 * and whether the pipeline was too full to take the rest: then {@code resumeFromLine} is the first
 * line neither accepted nor refused, to resend.
 */
public record Ack(
    long seq,
    long accepted,
    long refused,
    List<Refusal> refusals,
    boolean overloaded,
    long resumeFromLine) {

  /** One refused line. */
  public record Refusal(long line, String reason, String detail) {}

  public Ack {
    refusals = List.copyOf(refusals);
  }

  @SuppressWarnings("unchecked")
  static Ack fromJson(String json) {
    Map<String, Object> ack = Json.object(json);
    List<Refusal> refusals = new ArrayList<>();
    for (Object item : (List<Object>) ack.getOrDefault("refusals", List.of())) {
      Map<String, Object> refusal = (Map<String, Object>) item;
      refusals.add(
          new Refusal(
              number(refusal, "line"),
              (String) refusal.get("reason"),
              (String) refusal.get("detail")));
    }
    return new Ack(
        number(ack, "seq"),
        number(ack, "accepted"),
        number(ack, "refused"),
        refusals,
        Boolean.TRUE.equals(ack.get("overloaded")),
        number(ack, "resume_from_line"));
  }

  static long number(Map<String, Object> json, String field) {
    Object value = json.get(field);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
