package vn.giadinhso.hub.field;

import java.time.Instant;
import java.util.List;

/**
 * One record a team member made on the phone, as the phone sent it. {@code id} is a UUIDv7 the
 * phone made, so a record sent twice (a retry after a lost answer) is stored once.
 *
 * @param memberSeq the member's place in the household's list as the phone's roster showed it,
 *     or null when the record is about the household; {@code memberName} the masked name the
 *     team member picked, checked against it
 * @param topics what was practised (short words the app offers), home visits only
 * @param criteria the criteria helped with (ids of the commune's set), home visits only
 * @param canDoAlone what the member can now do on their own, in the team member's words
 * @param criterionId the criterion verified in the field, for {@link FieldRecordKind#CRITERION_VERIFIED}
 * @param sessionId the session checked in to, for {@link FieldRecordKind#ATTENDANCE} only
 */
public record FieldRecord(String id, FieldRecordKind kind, Instant at, String householdCode, Integer memberSeq,
    String memberName, List<String> topics, List<String> criteria, String canDoAlone, String criterionId,
    String note, String sessionId) {
  public FieldRecord {
    topics = topics == null ? List.of() : List.copyOf(topics);
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
  }
}
