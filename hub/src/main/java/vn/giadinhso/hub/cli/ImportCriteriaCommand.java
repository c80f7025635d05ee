package vn.giadinhso.hub.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.criteria.CriteriaSet;

@Command(name = "import-criteria", description = "Load a commune's criteria set (JSON, see docs/criteria.md); creates the commune if new.")
final class ImportCriteriaCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Parameters(paramLabel = "FILE.json")
  Path file;

  @Override
  public Integer call() throws Exception {
    try (HubApp hub = db.open()) {
      CriteriaSet set = hub.criteriaJson.read(file);
      boolean stored = hub.criteria.load(set);
      if (stored) {
        hub.people.rederive(set.communeId()); // a new version may make criteria about a person (issue 15)
      }
      out().println((stored ? "loaded " : "already loaded: ") + set.communeId() + " version " + set.version()
          + " (" + set.criteria().size() + " criteria)");
      return 0;
    }
  }
}
