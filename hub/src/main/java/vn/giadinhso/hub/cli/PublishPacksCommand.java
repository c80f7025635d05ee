package vn.giadinhso.hub.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.pack.PackReader;
import vn.giadinhso.hub.pack.PackStore;
import vn.giadinhso.hub.pack.VersionedPack;

/** Publishes packs of one kind given as folders or zips, saying for each whether it was new. */
abstract class PublishPacksCommand<P extends VersionedPack> extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Parameters(paramLabel = "PACK", arity = "1..*")
  List<Path> packs;

  abstract PackReader<P> reader();

  abstract PackStore<P> store(HubApp hub);

  /** How the output names a pack: its key and what else tells it apart for the reader. */
  abstract String describe(P pack);

  @Override
  public Integer call() throws Exception {
    PackReader<P> reader = reader();
    try (HubApp hub = db.open()) {
      for (Path path : packs) {
        PackReader.Loaded<P> loaded = reader.read(path);
        boolean stored = store(hub).save(loaded.pack(), loaded.zip());
        out().println((stored ? "published " : "already published: ") + describe(loaded.pack()) + " version "
            + loaded.pack().version() + " (" + loaded.pack().size() / 1024 + " KiB)");
      }
      return 0;
    }
  }
}
