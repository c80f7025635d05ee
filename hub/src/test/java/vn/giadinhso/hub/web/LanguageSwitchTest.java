package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/**
 * Issue 12's language switch: the dashboard is Vietnamese until the reader picks English, the
 * choice sticks, and every word a template asks for exists in both languages.
 */
class LanguageSwitchTest {
  static final Pattern KEY = Pattern.compile("\\{\\{#t}}\\s*([A-Za-z0-9_.-]+)");
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir);
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void vietnameseFirstThenEnglishOnceChosenAndBack() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    String vi = staff.get("/dashboard/audit").body();
    assertTrue(vi.contains("<html lang=\"vi\">") && vi.contains("Đăng xuất") && !vi.contains("Sign out"), vi);

    HttpResponse<String> switched = staff.get("/language/en?back=%2Fdashboard%2Faudit%3Fpage%3D2");
    assertEquals(303, switched.statusCode());
    assertEquals("/dashboard/audit?page=2", switched.headers().firstValue("Location").orElseThrow());
    String en = staff.get("/dashboard/audit").body();
    assertTrue(en.contains("<html lang=\"en\">") && en.contains("Sign out") && !en.contains("Đăng xuất"), en);
    assertTrue(en.contains(">Audit log</a>") && !en.contains(">Nhật ký</a>"), "the navigation is English too: " + en);

    staff.get("/language/vi?back=%2Fdashboard%2Faudit");
    assertTrue(staff.get("/dashboard/audit").body().contains("Đăng xuất"));
  }

  @Test
  void theSwitchOnlyLeadsBackToThisHub() throws Exception {
    StaffClient anyone = new StaffClient(hub);
    for (String back : new String[] {"https://example.com/", "//example.com/x", "/\\example.com", ""}) {
      HttpResponse<String> r = anyone.get("/language/en?back=" + java.net.URLEncoder.encode(back, "UTF-8"));
      assertEquals("/dashboard", r.headers().firstValue("Location").orElseThrow(), back);
    }
    // The sign-in page follows the choice as well: before signing in is where it is needed first.
    assertTrue(anyone.get("/login").body().contains("lang=\"en\""));
  }

  /** Keys Java hands to the reader's language: errors, titles, flash messages. */
  static final Pattern JAVA_KEY = Pattern.compile(
      "(?:notFound|badInputKey|DashboardError\\.of\\(HttpStatus\\.[A-Z_]+,|text\\(ctx,)\\s*\"([a-z][A-Za-z0-9_.-]*\\.[A-Za-z0-9_.-]+)\"");

  @Test
  void everyKeyTheRoutesUseHasBothLanguages() throws IOException {
    Messages messages = new Messages();
    Set<String> missing = new TreeSet<>();
    int found = 0;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/vn/giadinhso/hub/web"))) {
      for (Path file : files.toList()) {
        Matcher m = JAVA_KEY.matcher(Files.readString(file));
        while (m.find()) {
          if (m.group(1).endsWith(".")) {
            continue; // a prefix completed with an id at run time (roster.reason. + kind)
          }
          found++;
          if (!messages.has(m.group(1)) || !messages.keys(Messages.Language.EN).contains(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(found > 20, "the routes name their texts by key: " + found);
    assertTrue(missing.isEmpty(), "keys in Java with no text in both languages: " + missing);
  }

  @Test
  void everyKeyATemplateUsesHasBothLanguages() throws IOException {
    Messages messages = new Messages();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/web/templates"))) {
      for (Path file : files.toList()) {
        Matcher m = KEY.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertFalse(used.isEmpty(), "templates use message keys");
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(messages.keys(Messages.Language.VI));
    assertTrue(missing.isEmpty(), "keys used in templates with no Vietnamese text: " + missing);
    Set<String> untranslated = new TreeSet<>(messages.keys(Messages.Language.VI));
    untranslated.removeAll(messages.keys(Messages.Language.EN));
    assertTrue(untranslated.isEmpty(), "keys with no English text: " + untranslated);
    Set<String> stray = new TreeSet<>(messages.keys(Messages.Language.EN));
    stray.removeAll(messages.keys(Messages.Language.VI));
    assertTrue(stray.isEmpty(), "English texts with no Vietnamese key: " + stray);
  }
}
