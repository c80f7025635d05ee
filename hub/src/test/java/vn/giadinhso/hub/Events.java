package vn.giadinhso.hub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.protocol.Uuid7;

/** Builds event batches as kiosks send them. */
public final class Events {
  private final Uuid7 ids = new Uuid7(java.time.Clock.systemUTC());

  public String batch(int count) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(event(ids.next(), "identified",
          "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"AT-T1-" + String.format("%04d", i) + "\"}"));
    }
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  public String newId() {
    return ids.next();
  }

  public static String event(String id, String type, String payload) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + Instant.parse("2026-11-21T01:30:00Z")
        + "\",\"payload\":" + payload + "}";
  }
}
