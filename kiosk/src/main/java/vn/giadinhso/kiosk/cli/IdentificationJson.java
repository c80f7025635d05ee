package vn.giadinhso.kiosk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import vn.giadinhso.kiosk.identity.CitizenQr;
import vn.giadinhso.kiosk.identity.HouseholdCard;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.MrzCard;
import vn.giadinhso.kiosk.identity.Sex;

/**
 * The one-line JSON the diagnostic commands print. Built field by field so the output keeps the
 * documented names and order whatever the records look like inside.
 */
final class IdentificationJson {

    private final ObjectMapper json = new ObjectMapper();

    String line(Identification id) {
        ObjectNode node = json.createObjectNode();
        node.put("kind", id.kind().name());
        node.put("valid", id.valid());
        ArrayNode errors = node.putArray("errors");
        id.errors().forEach(errors::add);
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (id instanceof CitizenQr c) {
            node.put("idNumber", c.idNumber());
            node.put("oldIdNumber", c.oldIdNumber());
            node.put("fullName", c.fullName());
            node.put("dateOfBirth", iso(c.dateOfBirth()));
            node.put("sex", sex(c.sex()));
            node.put("address", c.address());
            node.put("issueDate", iso(c.issueDate()));
        } else if (id instanceof MrzCard m) {
            node.put("idNumber", m.idNumber());
            node.put("documentNumber", m.documentNumber());
            node.put("fullName", m.fullName());
            node.put("dateOfBirth", iso(m.dateOfBirth()));
            node.put("sex", sex(m.sex()));
            node.put("expiryDate", iso(m.expiryDate()));
            node.put("nationality", m.nationality());
        } else if (id instanceof HouseholdCard h) {
            node.put("householdCode", h.householdCode());
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String sex(Sex s) {
        return s == null ? null : s.name();
    }
}
