package vn.giadinhso.hub.cli;

import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.household.HouseholdCsvImporter;
import vn.giadinhso.hub.household.ImportReport;

@Command(name = "import-households", description = {
    "Import a commune's households from CSV (UTF-8; columns in docs/households-csv.md).",
    "Rows are upserted by household code; rejected rows are listed with line and reason; exit code 1 if any."})
final class ImportHouseholdsCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--commune", required = true, paramLabel = "ID")
  String commune;

  @Parameters(paramLabel = "FILE.csv")
  Path file;

  @Option(names = "--labels-from-csv", description = {
      "Take every household's groups and flags from the file, also where staff changed them on the",
      "dashboard (by default those are kept, and counted)."})
  boolean labelsFromCsv;

  @Override
  public Integer call() throws Exception {
    try (HubApp hub = db.open()) {
      CriteriaSet set = hub.criteria.active(commune).orElseThrow(() -> new IllegalArgumentException(
          "unknown commune " + commune + "; load its criteria set first (import-criteria)"));
      HouseholdCsvImporter importer = new HouseholdCsvImporter(hub.households, hub.memberKeys, labelsFromCsv);
      // Refuse bytes that are not UTF-8 instead of importing names full of U+FFFD.
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      ImportReport report;
      try (Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
        report = importer.run(set, in, rows -> err().println("… " + rows + " rows read"));
      } catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException e) {
        err().println("error: " + file + " is not UTF-8 text; save it as \"CSV UTF-8\" and import again");
        return 1;
      }
      // Bring the report figures up to date now, so no staff member's first report after a large
      // import pays for re-evaluating every household inside their request.
      // Person criteria (issue 15) follow members who were added, moved or removed.
      hub.people.rederive(commune);
      err().println("… updating report figures");
      hub.reportRollup.refresh(commune);
      report.rejections().forEach(r -> out().println("rejected " + r));
      out().println("created " + report.counts().created() + ", updated " + report.counts().updated()
          + ", unchanged " + report.counts().unchanged() + ", rejected " + report.rejections().size());
      if (report.keptStaffLabels() > 0) {
        out().println("kept the groups/flags staff set on the dashboard for " + report.keptStaffLabels()
            + " household(s) where the file differs; --labels-from-csv takes the file's");
      }
      return report.rejections().isEmpty() ? 0 : 1;
    }
  }
}
