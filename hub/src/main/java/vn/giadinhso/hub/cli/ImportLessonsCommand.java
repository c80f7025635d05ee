package vn.giadinhso.hub.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.lesson.LessonPackReader;

@Command(name = "import-lessons", description = {
    "Publish lesson packs (folders or zips with lesson.json at the root, see docs/lessons.md) to kiosks.",
    "Check them first with the kiosk's `lessons validate`. A new version replaces the old on kiosks at their next sync."})
final class ImportLessonsCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Parameters(paramLabel = "PACK", arity = "1..*")
  List<Path> packs;

  @Override
  public Integer call() throws Exception {
    LessonPackReader reader = new LessonPackReader();
    try (HubApp hub = db.open()) {
      for (Path path : packs) {
        LessonPackReader.Loaded loaded = reader.read(path);
        boolean stored = hub.lessonPacks.save(loaded.pack(), loaded.zip());
        out().println((stored ? "published " : "already published: ") + loaded.pack().id() + " version "
            + loaded.pack().version() + " (" + loaded.pack().size() / 1024 + " KiB)");
      }
      return 0;
    }
  }
}
