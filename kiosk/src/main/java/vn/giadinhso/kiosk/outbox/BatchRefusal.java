package vn.giadinhso.kiosk.outbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a hub's refusal of a batch means for the events in it (docs/protocol.md, "What the kiosk
 * does with each answer"). A refusal that is about the events themselves is a 4xx other than the
 * ones below; sending the same batch again would get the same answer forever, so its bad event is
 * found and quarantined instead.
 */
final class BatchRefusal {

    // The hub names the event it refuses as "events[3] (id 0193…): field …" (EventBatchReader).
    private static final Pattern NAMED = Pattern.compile("^events\\[(\\d{1,4})](?: \\(id ([0-9a-f-]{36})\\))?");

    private BatchRefusal() {
    }

    /**
     * True for a 4xx about the batch's content. Not: 401/403 (token revoked or wrong: no event is
     * at fault, staff re-enrol), 408/429 (try later), 404/405 (a wrong address or a proxy in the
     * way answered, not the hub's events route; quarantining would set every event aside).
     */
    static boolean aboutTheEvents(int status) {
        return status >= 400 && status < 500
                && status != 401 && status != 403 && status != 404 && status != 405 && status != 408 && status != 429;
    }

    /**
     * The event the hub's reason names, if it names one of {@code batch}'s: by id when the reason
     * gives it (safer than the position), else by position.
     */
    static Optional<OutboxEvent> namedEvent(String reason, List<OutboxEvent> batch) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = NAMED.matcher(reason);
        if (!m.find()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        String id = m.group(2);
        if (id != null) {
            return batch.stream().filter(e -> e.id().equals(id)).findFirst();
        }
        return index < batch.size() ? Optional.of(batch.get(index)) : Optional.empty();
    }

    /** The hub's reason as one log line: no line breaks or control characters, at most 300 characters. */
    static String printable(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        // Control, format (bidi overrides) and line/paragraph separators could forge or hide log lines.
        String flat = reason.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
