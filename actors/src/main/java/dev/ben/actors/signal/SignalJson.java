package dev.ben.actors.signal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * A signal as apps receive it, whatever carries it (server-sent events, socket SIGNAL frames):
 * snake_case JSON ({@code event_id}, {@code contract_version}) like the rest of the HTTP API, while
 * the record is camelCase. The id of the signal's event in Ben's event log and its subject key stay
 * inside Ben (the app has the signal's own arguments).
 */
public final class SignalJson {

  private final ObjectMapper mapper;

  public SignalJson(ObjectMapper mapper) {
    this.mapper =
        mapper
            .copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addMixIn(Signal.class, AsAppsSeeIt.class);
  }

  @JsonIgnoreProperties({"publishedEventId", "userKey"})
  private interface AsAppsSeeIt {}

  public String text(Signal signal) throws JsonProcessingException {
    return mapper.writeValueAsString(signal);
  }

  public byte[] bytes(Signal signal) throws JsonProcessingException {
    return mapper.writeValueAsBytes(signal);
  }
}
