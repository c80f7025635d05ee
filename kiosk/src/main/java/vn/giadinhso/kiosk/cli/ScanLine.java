package vn.giadinhso.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.giadinhso.kiosk.scan.ScanOutcome;

/** The headless runner's output: one JSON line per scan, with no personal data in it. */
final class ScanLine {

    private final ObjectMapper json = new ObjectMapper();

    String line(ScanOutcome scan) {
        ObjectNode node = json.createObjectNode();
        node.put("eventId", scan.eventId());
        node.put("kind", scan.kind().name());
        node.put("valid", scan.valid());
        node.put("result", scan.result().name());
        node.put("householdCode", scan.householdCode());
        return node.toString();
    }
}
