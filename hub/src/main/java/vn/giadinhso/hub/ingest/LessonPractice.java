package vn.giadinhso.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaSetJson;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.protocol.EventTypes;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.StatusAppender;
import vn.giadinhso.hub.kiosk.Kiosk;

/**
 * A lesson completed at a kiosk is evidence: each criterion it teaches becomes PRACTISED for the
 * household that practised — never MET (staff verify), and never over a MET already given.
 *
 * <p>Payload: {@code {"lessonId", "version", "householdCode", "criteria": [ids], "score",
 * "durationSeconds"}}. Without a household (anonymous practice) the event is only logged.
 */
public final class LessonPractice {
  public static final String TYPE = EventTypes.LESSON_COMPLETED;
  private static final Logger LOG = LoggerFactory.getLogger(LessonPractice.class);

  private final ObjectMapper json = new ObjectMapper();
  private final CriteriaSetJson criteriaJson;

  public LessonPractice(CriteriaSetJson criteriaJson) {
    this.criteriaJson = criteriaJson;
  }

  public Projection forKiosk(Kiosk kiosk) {
    return (tx, newlyStored) -> {
      CriteriaSet set = null;
      for (IncomingEvent event : newlyStored) {
        if (!TYPE.equals(event.type())) {
          continue;
        }
        if (set == null) {
          set = activeSet(tx, kiosk.communeId());
          if (set == null) {
            return;
          }
        }
        apply(tx, kiosk, set, event);
      }
    };
  }

  private void apply(Handle tx, Kiosk kiosk, CriteriaSet set, IncomingEvent event) {
    JsonNode payload;
    try {
      payload = json.readTree(event.payload());
    } catch (JsonProcessingException e) {
      return; // validated as an object at ingest; unreachable in practice
    }
    String household = payload.path("householdCode").asText(null);
    if (household == null) {
      return;
    }
    if (!belongsTo(tx, household, kiosk.communeId())) {
      IgnoredEvents.record(tx, event.id(), IgnoredEvents.OUTSIDE_HOUSEHOLD);
      return;
    }
    String lesson = payload.path("lessonId").asText("?");
    String note = "lesson " + lesson + " v" + payload.path("version").asText("?")
        + (payload.has("score") ? ", score " + payload.get("score").asText() : "");
    for (JsonNode criterion : payload.path("criteria")) {
      String id = criterion.asText();
      if (!set.hasCriterion(id)) {
        LOG.warn("event {}: lesson {} names criterion {} unknown to {}", event.id(), lesson, id, kiosk.communeId());
        continue;
      }
      if (isMet(tx, household, id)) {
        continue;
      }
      StatusAppender.append(tx, household, new StatusRecord(id, CriterionStatus.PRACTISED, "kiosk", kiosk.id(),
          event.at(), note));
    }
  }

  private CriteriaSet activeSet(Handle tx, String communeId) {
    return tx.createQuery("SELECT document FROM criteria_set WHERE commune_id = :c ORDER BY version DESC LIMIT 1")
        .bind("c", communeId)
        .mapTo(String.class)
        .findOne()
        .map(criteriaJson::fromText)
        .orElse(null);
  }

  private static boolean belongsTo(Handle tx, String householdCode, String communeId) {
    return tx.createQuery("SELECT COUNT(*) FROM household WHERE code = :code AND commune_id = :c")
        .bind("code", householdCode).bind("c", communeId).mapTo(Integer.class).one() > 0;
  }

  private static boolean isMet(Handle tx, String householdCode, String criterionId) {
    return tx.createQuery("SELECT s.status FROM criterion_status s JOIN household h ON h.id = s.household_id "
            + "WHERE h.code = :code AND s.criterion_id = :cid ORDER BY s.id DESC LIMIT 1")
        .bind("code", householdCode).bind("cid", criterionId)
        .mapTo(String.class).findOne().map(CriterionStatus.MET.name()::equals).orElse(false);
  }
}
