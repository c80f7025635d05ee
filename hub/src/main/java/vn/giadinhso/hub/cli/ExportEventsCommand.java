package vn.giadinhso.hub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;

@Command(name = "export-events", description = "Print stored events, one JSON object per line, oldest first.")
final class ExportEventsCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--kiosk", paramLabel = "ID")
  String kiosk;

  @Option(names = "--type", paramLabel = "TYPE")
  String type;

  @Override
  public Integer call() throws IOException {
    ObjectMapper json = new ObjectMapper();
    java.io.PrintWriter out = out();
    try (HubApp hub = db.open()) {
      hub.events.forEach(kiosk, type, e -> {
        try {
          ObjectNode line = json.createObjectNode();
          line.put("id", e.id());
          line.put("kioskId", e.kioskId());
          line.put("type", e.type());
          line.put("at", e.at().toString());
          line.put("receivedAt", e.receivedAt().toString());
          line.set("payload", json.readTree(e.payload()));
          out.write(json.writeValueAsString(line));
          out.write('\n');
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
    }
    out.flush();
    return 0;
  }
}
