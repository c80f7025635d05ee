package vn.giadinhso.hub.cli;

import picocli.CommandLine.Command;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.lesson.LessonPack;
import vn.giadinhso.hub.lesson.LessonPackReader;
import vn.giadinhso.hub.pack.PackReader;
import vn.giadinhso.hub.pack.PackStore;

@Command(name = "import-lessons", description = {
    "Publish lesson packs (folders or zips with lesson.json at the root, see docs/lessons.md) to kiosks.",
    "Check them first with the kiosk's `lessons validate`. A new version replaces the old on kiosks at their next sync."})
final class ImportLessonsCommand extends PublishPacksCommand<LessonPack> {
  @Override
  PackReader<LessonPack> reader() {
    return new LessonPackReader();
  }

  @Override
  PackStore<LessonPack> store(HubApp hub) {
    return hub.lessonPacks;
  }

  @Override
  String describe(LessonPack pack) {
    return pack.id();
  }
}
