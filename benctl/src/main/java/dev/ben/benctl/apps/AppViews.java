package dev.ben.benctl.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.App;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.remote.Target;
import java.time.Instant;

/** How an app is printed: its JSON object, and times as benctl prints them elsewhere. */
final class AppViews {

  private AppViews() {}

  static ObjectNode json(App app) {
    ObjectNode json =
        Json.object()
            .put("name", app.getName())
            .put("created", time(app.getCreatedAtMillis()))
            .put("created_by", app.getCreatedBy())
            .put("revoked", app.getRevoked());
    json.put("revoked_at", app.getRevoked() ? time(app.getRevokedAtMillis()) : null);
    var origins = json.putArray("beacon_origins");
    app.getBeaconOriginsList().forEach(origins::add);
    return json;
  }

  static String time(long millis) {
    return Target.time(Instant.ofEpochMilli(millis));
  }
}
