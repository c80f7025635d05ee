package vn.giadinhso.kiosk.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.protocol.EventTypes;

/**
 * The kiosk's event vocabulary, one method per type, so every payload has one definition. No
 * method takes an ID number or a member hash: members travel only as {@code memberSealed}, a hash
 * sealed to the hub that nothing on this kiosk can open or test (docs/member-ids.md).
 */
public final class KioskEvents {

    private final Outbox outbox;
    private final ObjectMapper json = new ObjectMapper();

    public KioskEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * {@code method}: household_qr, cccd_qr, mrz or unknown; {@code result}: FOUND, NOT_FOUND,
     * INVALID, AMBIGUOUS, REVOKED or EXPIRED.
     */
    public OutboxEvent identified(String method, String result, String householdCode, String memberSealed) {
        ObjectNode p = json.createObjectNode().put("method", method).put("result", result);
        putIf(p, "householdCode", householdCode);
        putIf(p, "memberSealed", memberSealed);
        return outbox.append(EventTypes.IDENTIFIED, p.toString());
    }

    public OutboxEvent statusViewed(String householdCode, int met, int applicable) {
        return outbox.append(EventTypes.STATUS_VIEWED, json.createObjectNode().put("householdCode", householdCode)
                .put("met", met).put("applicable", applicable).toString());
    }

    public OutboxEvent checkedIn(Connection c, String sessionId, String householdCode, String memberSealed)
            throws SQLException {
        ObjectNode p = json.createObjectNode().put("sessionId", sessionId);
        putIf(p, "householdCode", householdCode);
        putIf(p, "memberSealed", memberSealed);
        return outbox.append(c, EventTypes.ATTENDANCE_CHECKED_IN, p.toString());
    }

    /** Staff opened an unscheduled session here (issue 13); written with the session's row, before its check-ins. */
    public OutboxEvent sessionOpenedAtKiosk(Connection c, String sessionId, String topic, java.time.Instant startsAt,
            java.time.Instant endsAt) throws SQLException {
        return outbox.append(c, EventTypes.SESSION_OPENED_AT_KIOSK, json.createObjectNode().put("sessionId", sessionId)
                .put("topic", topic).put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString()).toString());
    }

    /** Staff closed a session opened here before its planned end. */
    public OutboxEvent sessionClosedAtKiosk(Connection c, String sessionId, java.time.Instant endsAt) throws SQLException {
        return outbox.append(c, EventTypes.SESSION_CLOSED_AT_KIOSK, json.createObjectNode().put("sessionId", sessionId)
                .put("endsAt", endsAt.toString()).toString());
    }

    /** A resident says they meet a criterion: DECLARED, for staff to verify — never MET. */
    public OutboxEvent declared(Connection c, String householdCode, String criterionId) throws SQLException {
        return outbox.append(c, EventTypes.CRITERION_DECLARED, json.createObjectNode().put("householdCode", householdCode)
                .put("criterionId", criterionId).put("status", CriterionStatus.DECLARED.name()).toString());
    }

    /**
     * A resident who scanned their own citizen ID card answered a question about themselves
     * (issue 15): {@code memberSealed} exactly as the scan's {@code identified} event carried it,
     * {@code answer} yes, no or unsure. The hub files it for staff to verify.
     */
    public OutboxEvent memberDeclared(Connection c, String householdCode, String memberSealed, String claim,
            String answer) throws SQLException {
        return outbox.append(c, EventTypes.MEMBER_DECLARED, json.createObjectNode().put("householdCode", householdCode)
                .put("memberSealed", memberSealed).put("claim", claim).put("answer", answer).toString());
    }

    public OutboxEvent supportRequested(String topic, String phone, String householdCode) {
        ObjectNode p = json.createObjectNode().put("topic", topic);
        putIf(p, "phone", phone);
        putIf(p, "householdCode", householdCode);
        return outbox.append(EventTypes.SUPPORT_REQUESTED, p.toString());
    }

    public OutboxEvent readerError(String reader, String error) {
        return outbox.append(EventTypes.READER_ERROR, json.createObjectNode().put("reader", reader)
                .put("error", error == null ? "unknown" : error).toString());
    }

    /** {@code quarantined}: events the hub refused and this kiosk keeps aside, so the hub's log shows them too. */
    public OutboxEvent heartbeat(String version, int backlog, int quarantined, String readerState) {
        return outbox.append(EventTypes.HEARTBEAT, json.createObjectNode().put("version", version).put("backlog", backlog)
                .put("quarantined", quarantined).put("reader", readerState).toString());
    }

    /** A practice lesson was opened (not resumed). */
    public OutboxEvent lessonStarted(String lessonId, int version, String householdCode) {
        ObjectNode p = json.createObjectNode().put("lessonId", lessonId).put("version", version);
        putIf(p, "householdCode", householdCode);
        return outbox.append(EventTypes.LESSON_STARTED, p.toString());
    }

    /** One lesson step done; {@code correct} means without a miss. */
    public OutboxEvent lessonStep(String lessonId, int step, String stepId, boolean correct, int misses) {
        return outbox.append(EventTypes.LESSON_STEP, json.createObjectNode().put("lessonId", lessonId).put("step", step)
                .put("stepId", stepId).put("correct", correct).put("misses", misses).toString());
    }

    /** A lesson finished: the hub marks its criteria PRACTISED for the household (never MET). */
    public OutboxEvent lessonCompleted(String lessonId, int version, String householdCode, java.util.List<String> criteria,
            int score, long durationSeconds) {
        ObjectNode p = json.createObjectNode().put("lessonId", lessonId).put("version", version);
        putIf(p, "householdCode", householdCode);
        criteria.forEach(p.putArray("criteria")::add);
        return outbox.append(EventTypes.LESSON_COMPLETED, p.put("score", score).put("durationSeconds", durationSeconds).toString());
    }

    /** After a write made inside a caller's transaction: wake the sender. */
    public void committed() {
        outbox.changed();
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
