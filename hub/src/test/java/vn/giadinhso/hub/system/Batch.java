package vn.giadinhso.hub.system;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.giadinhso.protocol.Uuid7;

/** A kiosk's batch of events: their ids, the body as sent, and how many of each type it holds. */
record Batch(List<String> ids, String body, Map<String, Integer> types) {
  static final String COMMUNE = "an-tuong";
  static final String POINT = "an-tuong-nvh";

  /** Builds a day's mixed traffic: scans, check-ins, lessons, declarations, support requests, heartbeats. */
  static final class Factory {
    private final Uuid7 ids = new Uuid7(Clock.systemUTC());
    private final AtomicInteger people = new AtomicInteger();
    private final String session;
    private final int households;

    /**
     * @param session the session people check in to
     * @param households households AT-T1-0001 … on the roster the events name
     */
    Factory(String session, int households) {
      this.session = session;
      this.households = households;
    }

    /** {@code size} events, a mix of every type the dashboard counts; each person checks in once. */
    Batch next(int size) {
      List<String> eventIds = new ArrayList<>(size);
      List<String> events = new ArrayList<>(size);
      Map<String, Integer> types = new TreeMap<>();
      String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      for (int i = 0; i < size; i++) {
        int person = people.incrementAndGet();
        String household = household(person);
        String[] typeAndPayload = switch (i % 8) {
          case 0, 1 -> new String[] {"identified", "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"" + household + "\"}"};
          case 2, 3 -> new String[] {"attendance.checked_in", "{\"sessionId\":\"" + session + "\",\"householdCode\":\""
              + household + "\",\"memberHash\":\"person-" + person + "\"}"};
          case 4 -> new String[] {"lesson.completed", "{\"lessonId\":\"vneid-activate\",\"version\":1,\"householdCode\":\""
              + household + "\",\"criteria\":[\"vneid-level2\"],\"score\":90,\"durationSeconds\":60}"};
          case 5 -> new String[] {"criterion.declared", "{\"householdCode\":\"" + household
              + "\",\"criterionId\":\"lookup-dossier-result\",\"status\":\"DECLARED\"}"};
          case 6 -> new String[] {"support.requested", "{\"topic\":\"Quên mật khẩu VNeID\",\"phone\":\"09"
              + String.format("%08d", person % 100_000_000) + "\",\"householdCode\":\"" + household + "\"}"};
          default -> new String[] {"heartbeat", "{\"backlog\":0}"};
        };
        String id = ids.next();
        eventIds.add(id);
        events.add("{\"id\":\"" + id + "\",\"type\":\"" + typeAndPayload[0] + "\",\"at\":\"" + at + "\",\"payload\":"
            + typeAndPayload[1] + "}");
        types.merge(typeAndPayload[0], 1, Integer::sum);
      }
      return new Batch(List.copyOf(eventIds), "{\"events\":[" + String.join(",", events) + "]}", types);
    }

    /**
     * {@code size} lessons completed by households {@code first} … {@code first + households - 1}
     * in turn: a long transaction that moves a household's sync revision per event.
     */
    Batch lessons(int size, int first, int households) {
      List<String> eventIds = new ArrayList<>(size);
      List<String> events = new ArrayList<>(size);
      Instant hourAgo = Instant.now().minus(java.time.Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      for (int i = 0; i < size; i++) {
        int person = people.incrementAndGet();
        // A time of its own (the status line a kiosk receives carries it), so each lesson's line
        // differs from the one before and a sync that skipped the newest would show.
        String at = hourAgo.plusMillis(person).toString();
        String id = ids.next();
        eventIds.add(id);
        events.add("{\"id\":\"" + id + "\",\"type\":\"lesson.completed\",\"at\":\"" + at + "\",\"payload\":"
            + "{\"lessonId\":\"vneid-activate\",\"version\":1,\"householdCode\":\"" + String.format("AT-T1-%04d", first + i % households)
            + "\",\"criteria\":[\"vneid-level2\"],\"score\":90,\"durationSeconds\":60}}");
      }
      return new Batch(List.copyOf(eventIds), "{\"events\":[" + String.join(",", events) + "]}",
          Map.of("lesson.completed", size));
    }

    String household(int n) {
      return String.format("AT-T1-%04d", 1 + n % households);
    }
  }

  int size() {
    return ids.size();
  }

  int count(String type) {
    return types.getOrDefault(type, 0);
  }
}
