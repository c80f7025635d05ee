package vn.giadinhso.hub.cli;

import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.units.UnitImport;
import vn.giadinhso.hub.units.UnitProblem;
import vn.giadinhso.hub.units.UnitsCsv;
import vn.giadinhso.hub.units.UnitsRejected;

@Command(name = "import-units", description = "Load provinces and communes with their official codes from a units "
    + "file (UTF-8 CSV, see docs/units.md). Every line is checked first; a file with any problem changes nothing.")
final class ImportUnitsCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--file", required = true, paramLabel = "units.csv")
  Path file;

  @Override
  public Integer call() throws Exception {
    List<UnitsCsv.Row> rows;
    try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
      rows = UnitsCsv.read(reader);
    } catch (CharacterCodingException e) {
      return refuse(List.of(new UnitProblem(0, "the file is not UTF-8 (save it as \"CSV UTF-8\")")));
    } catch (UnitsRejected e) {
      return refuse(e.problems());
    }
    try (HubApp hub = db.open()) {
      UnitImport done = hub.units.apply(rows, "cli", file.getFileName().toString());
      hub.audit.record("cli", null, "units.imported", file.getFileName().toString(),
          done.provinces() + " provinces, " + done.communes() + " communes; source: " + done.sources());
      out().println("imported " + done.provinces() + " province(s), " + done.communes() + " commune(s) from "
          + file.getFileName() + "; source: " + done.sources());
      return 0;
    } catch (UnitsRejected e) {
      return refuse(e.problems());
    }
  }

  private int refuse(List<UnitProblem> problems) {
    for (UnitProblem p : problems) {
      err().println(p);
    }
    err().println("error: " + problems.size() + " problem(s); nothing was imported");
    return 2;
  }
}
