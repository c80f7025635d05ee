package vn.giadinhso.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.hub.identity.MemberKeys;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.protocol.MemberKeyChain;

/**
 * Opens the {@code memberSealed} field kiosks send (docs/member-ids.md) and stores
 * {@code memberHash} in its place, brought forward to the commune's current key version, so the
 * log, the attendance projection and exports see the same hashes as before sealing. Only events
 * that carry the field are parsed: the rest of ingest stays a byte copy.
 */
public final class SealedMembers {
  private static final String FIELD = "memberSealed";
  private static final String MARKER = "\"" + FIELD + "\"";

  private final MemberKeys keys;
  private final ObjectMapper json = new ObjectMapper();

  public SealedMembers(MemberKeys keys) {
    this.keys = keys;
  }

  public List<IncomingEvent> open(Kiosk kiosk, List<IncomingEvent> events) throws BatchRejected {
    List<IncomingEvent> out = null;
    MemberKeyChain chain = null;
    for (int i = 0; i < events.size(); i++) {
      IncomingEvent e = events.get(i);
      if (!e.payload().contains(MARKER)) {
        if (out != null) {
          out.add(e);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(events.subList(0, i));
        chain = keys.chain(kiosk.communeId());
      }
      out.add(open(e, i, chain));
    }
    return out == null ? events : out;
  }

  private IncomingEvent open(IncomingEvent e, int index, MemberKeyChain chain) throws BatchRejected {
    String where = "events[" + index + "] (id " + e.id() + "): field \"payload." + FIELD + "\": ";
    ObjectNode payload;
    try {
      payload = (ObjectNode) json.readTree(e.payload());
    } catch (IOException | ClassCastException unreadable) {
      throw BatchRejected.invalid(where + "the payload is not a JSON object");
    }
    JsonNode sealed = payload.get(FIELD);
    if (sealed == null) {
      return e; // the word appears only inside some other value
    }
    if (!sealed.isTextual()) {
      throw BatchRejected.invalid(where + "must be a string (base64)");
    }
    if (payload.has("memberHash")) {
      throw BatchRejected.invalid(where + "send memberSealed or memberHash, not both");
    }
    String hash;
    try {
      hash = keys.unseal(chain, sealed.asText());
    } catch (IllegalArgumentException notOurs) {
      throw BatchRejected.invalid(where + notOurs.getMessage());
    }
    payload.remove(FIELD);
    payload.put("memberHash", hash);
    return new IncomingEvent(e.id(), e.type(), e.at(), payload.toString());
  }
}
