package vn.giadinhso.hub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.Json;
import vn.giadinhso.hub.demo.DemoData;

@Command(name = "demo-data", description = {
    "Load the demo: communes Ân Tường and Kon Chiêng with their criteria sets, 200 households, support points",
    "and sessions for this month and next. Safe to run again: data is kept, and a new admin password and",
    "enrolment code are printed."})
final class DemoDataCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--cards", paramLabel = "FILE",
      description = "also write demo members' card data (fictitious) as JSON, for the simulated reader")
  Path cards;

  @Override
  public Integer call() throws IOException {
    try (HubApp hub = db.open()) {
      DemoData.Result result = new DemoData(hub).load();
      if (cards != null && !result.cards().isEmpty()) {
        Files.createDirectories(cards.toAbsolutePath().getParent());
        ObjectMapper json = Json.newMapper();
        json.writerWithDefaultPrettyPrinter().writeValue(cards.toFile(), result.cards());
      }
      out().println("admin password: " + result.adminPassword());
      out().println("enrolment code: " + result.enrolmentCode());
      out().println("field app (/field/ on a phone-sized window): " + DemoData.FIELD_USERNAME + ", password: "
          + result.fieldPassword());
      return 0;
    }
  }
}
