package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;

/** {@code publish-language}: a pack folder published once, listed for kiosks, a bad one refused with the reason. */
class PublishLanguageCommandTest {
  @TempDir Path dir;

  @Test
  void aPackFolderIsPublishedOnceAndABadOneIsRefused() throws Exception {
    String db = dir.resolve("hub.db").toString();
    Path pack = dir.resolve("x-test");
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("pack.json"),
        "{\"code\":\"x-test\",\"version\":1,\"name\":\"Xtest\",\"nameVi\":\"Ngôn ngữ thử\"}", StandardCharsets.UTF_8);
    Files.writeString(pack.resolve("kiosk.properties"), "welcome.title=XT\n", StandardCharsets.UTF_8);

    Cli first = Cli.run("publish-language", "--db", db, pack.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().startsWith("published x-test (Ngôn ngữ thử) version 1"), first.out());
    Cli again = Cli.run("publish-language", "--db", db, pack.toString());
    assertTrue(again.out().startsWith("already published: x-test"), again.out());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      assertEquals(1, hub.languagePacks.latest().size());
      assertEquals("Xtest", hub.languagePacks.latest().get(0).name());
    }

    Files.writeString(pack.resolve("pack.json"), "{\"code\":\"x-test\",\"version\":2}", StandardCharsets.UTF_8);
    Cli bad = Cli.run("publish-language", "--db", db, pack.toString());
    assertNotEquals(0, bad.exitCode());
    assertTrue(bad.err().contains("nameVi"), bad.err());
  }
}
