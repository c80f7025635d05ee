package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.pdfbox.Loader;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/** Issue 10.1: no page, export or stored masked form shows more than an ID number's last 2 digits. */
class IdMaskingTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String ID_1 = "052190012345";
  static final String ID_2 = "052195012376";

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient staff;

  @BeforeAll
  static void importAHousehold() throws Exception {
    hub = new TestHub(dir);
    String csv = "household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + ID_1 + "); Trần Thị Bình (" + ID_2 + "),,\n";
    hub.importRoster(csv);
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void theHouseholdPageShowsOnlyTheLastTwoDigits() throws Exception {
    String page = staff.get("/dashboard/c/an-tuong/households/AT-T1-0001").body();
    assertTrue(page.contains("**********45"), page);
    assertTrue(page.contains("**********76"), page);
    assertNoMoreThanLastTwo(page);
  }

  @Test
  void exportsAndTheApiShowNoMore() throws Exception {
    assertNoMoreThanLastTwo(new String(staff.getBytes("/dashboard/c/an-tuong/report.csv").body(), StandardCharsets.UTF_8));
    assertNoMoreThanLastTwo(cells(staff.getBytes("/dashboard/c/an-tuong/report.xlsx").body()));
    assertNoMoreThanLastTwo(staff.get("/dashboard/api/c/an-tuong/report").body());
    byte[] pdf = staff.getBytes("/dashboard/c/an-tuong/cards.pdf?codes=AT-T1-0001").body();
    try (var doc = Loader.loadPDF(pdf)) {
      assertNoMoreThanLastTwo(new PDFTextStripper().getText(doc));
    }
  }

  @Test
  void theDatabaseColumnHoldsNoDigitBeforeTheLastTwo() throws Exception {
    int rows = 0;
    try (Connection c = vn.giadinhso.hub.TestDatabase.connect(dir.resolve("hub.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id_masked FROM member WHERE id_masked IS NOT NULL")) {
      while (rs.next()) {
        String masked = rs.getString(1);
        assertFalse(masked.substring(0, masked.length() - 2).matches(".*\\d.*"), masked);
        rows++;
      }
    }
    assertEquals(2, rows);
  }

  /** Neither number, nor its first 4 digits (what the old mask showed), nor any run of 3+ of its digits. */
  private static void assertNoMoreThanLastTwo(String text) {
    for (String id : new String[] {ID_1, ID_2}) {
      assertFalse(text.contains(id), "a full ID number");
      assertFalse(text.contains(id.substring(0, 4) + "*"), "the old mask's first 4 digits");
      assertFalse(text.contains(id.substring(6)), "the number's tail beyond 2 digits");
    }
  }

  private static String cells(byte[] xlsx) throws Exception {
    StringBuilder all = new StringBuilder();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : workbook.getFirstSheet().read()) {
        for (int c = 0; c < row.getCellCount(); c++) {
          all.append(row.getCellText(c)).append('\n');
        }
      }
    }
    return all.toString();
  }
}
