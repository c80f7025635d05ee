package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.kiosk.Enrolment;

/** "Practice tasks completed" counts the kiosk's lesson.completed events (issue 5), once each. */
class PracticeCountTest {
  @TempDir Path dir;

  static String event(String id, String type, String payload) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\",\"payload\":" + payload + "}";
  }

  @Test
  void completedLessonsAreCountedInTheMonthAndStartedOrStepsAreNot() throws Exception {
    try (TestHub hub = new TestHub(dir)) {
      hub.hub.users.create("can-bo-a", "mat-khau-rat-dai-1", UserStore.Role.STAFF, "an-tuong");
      StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", "mat-khau-rat-dai-1");
      Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
      Events ids = new Events();
      String lesson = "{\"lessonId\":\"vneid-login\",\"version\":2,\"householdCode\":\"AT-T1-0001\"";
      List<String> events = new ArrayList<>();
      events.add(event(ids.newId(), "lesson.started", lesson + "}"));
      events.add(event(ids.newId(), "lesson.step", lesson + ",\"step\":1}"));
      for (int i = 0; i < 3; i++) {
        events.add(event(ids.newId(), "lesson.completed",
            lesson + ",\"criteria\":[\"vneid-level2\"],\"score\":90,\"durationSeconds\":240}"));
      }
      String batch = "{\"events\":[" + String.join(",", events) + "]}";
      String path = "/api/v1/kiosks/" + kiosk.kioskId() + "/events";
      assertEquals(200, hub.post(path, kiosk.token(), batch).statusCode());
      assertEquals(200, hub.post(path, kiosk.token(), batch).statusCode()); // resent after a lost answer

      String month = hub.hub.schedules.currentMonth().toString();
      String json = staff.get("/dashboard/api/c/an-tuong/report").body();
      assertTrue(json.contains("\"month\":\"" + month + "\""), json);
      String thisMonth = json.substring(json.indexOf("\"month\":\"" + month + "\""));
      assertTrue(thisMonth.matches("(?s).*?\"practiceCompleted\":3[,}].*"), thisMonth);

      String csv = new String(staff.getBytes("/dashboard/c/an-tuong/report.csv").body(), StandardCharsets.UTF_8);
      assertTrue(csv.contains(" " + month + ",Bài thực hành hoàn thành (Practice tasks completed),practice,3,"), csv);
    }
  }
}
