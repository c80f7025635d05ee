package vn.giadinhso.hub.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.language.LanguagePackReader;

@Command(name = "publish-language", description = {
    "Publish language packs (folders or zips with pack.json at the root, see docs/languages.md) to kiosks.",
    "Check them first with the kiosk's `languages validate`. A new version replaces the old on kiosks at their next sync."})
final class PublishLanguageCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Parameters(paramLabel = "PACK", arity = "1..*")
  List<Path> packs;

  @Override
  public Integer call() throws Exception {
    LanguagePackReader reader = new LanguagePackReader();
    try (HubApp hub = db.open()) {
      for (Path path : packs) {
        LanguagePackReader.Loaded loaded = reader.read(path);
        boolean stored = hub.languagePacks.save(loaded.pack(), loaded.zip());
        out().println((stored ? "published " : "already published: ") + loaded.pack().code() + " ("
            + loaded.pack().nameVi() + ") version " + loaded.pack().version() + " (" + loaded.pack().size() / 1024
            + " KiB)");
      }
      return 0;
    }
  }
}
