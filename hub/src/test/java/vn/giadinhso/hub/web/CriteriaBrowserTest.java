package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.protocol.CriterionStatus;

/**
 * Issue 12 in real headless Chromium: commune staff open the criteria page from the navigation,
 * choose a new version's file, see which household would stop being recognised, and publish it.
 * Skips (with the reason) when chromium or chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class CriteriaBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;
  static WebDriver browser;
  static Path file;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.hub.households.upsert(List.of(new Household("AT-T1-0001", "an-tuong", "Thôn Tân Thành", "Trần Văn Bình",
        List.of(new Member("Trần Văn Bình", null, null)), Set.of(), Set.of())));
    for (var c : hub.hub.criteria.active("an-tuong").orElseThrow().criteria()) {
      hub.hub.households.recordStatus("AT-T1-0001", new StatusRecord(c.id(), CriterionStatus.MET, "staff", "can-bo-a",
          Instant.parse("2026-03-01T03:00:00Z"), null));
    }
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    ObjectMapper json = new ObjectMapper();
    ObjectNode set;
    try (InputStream in = CriteriaBrowserTest.class.getResourceAsStream("/criteria/an-tuong-2026.json")) {
      set = (ObjectNode) json.readTree(in);
    }
    set.put("version", 2);
    ((ArrayNode) set.get("criteria")).addObject().put("id", "pay-online").put("pillar", "basic")
        .putObject("text").put("vi", "Biết thanh toán trực tuyến").put("en", "Can pay online");
    file = dir.resolve("an-tuong-2026-v2.json");
    Files.write(file, json.writeValueAsBytes(set));
    chromium = HeadlessChromium.startOrSkip(hub);
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void staffUploadANewVersionSeeThePreviewAndPublish() {
    chromium.signIn("can-bo-a", PASSWORD);
    chromium.follow(browser.findElement(By.cssSelector("header nav a[href='/dashboard/c/an-tuong/criteria']")));
    assertEquals("1", chromium.find("#criteria-set").getAttribute("data-version"));

    // The file field is labelled, as a screen reader announces it.
    assertEquals("criteria-file", chromium.find("label[for='criteria-file']").getAttribute("for"));
    chromium.find("#criteria-file").sendKeys(file.toString());
    chromium.follow(chromium.find("#criteria-upload-submit"));

    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/c/an-tuong/criteria/preview"), browser.getCurrentUrl());
    assertEquals("1", chromium.find("#preview-lost").getText());
    assertEquals("AT-T1-0001", chromium.find("#preview-changes tbody tr").getAttribute("data-household"));
    assertTrue(chromium.find("#preview-changes tbody tr").getText().contains("Biết thanh toán trực tuyến"));
    assertEquals(1, hub.hub.criteria.active("an-tuong").orElseThrow().version(), "nothing published yet");

    chromium.follow(chromium.find("#criteria-publish-submit"));
    assertTrue(chromium.find("#criteria-published").getText().contains("phiên bản 2"),
        chromium.find("#criteria-published").getText());
    assertEquals("2", chromium.find("#criteria-set").getAttribute("data-version"));
    assertEquals(2, hub.hub.criteria.active("an-tuong").orElseThrow().version());
  }
}
