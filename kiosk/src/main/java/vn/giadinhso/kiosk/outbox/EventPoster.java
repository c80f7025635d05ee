package vn.giadinhso.kiosk.outbox;

import java.io.IOException;
import java.util.List;

/** Sends one batch to the hub. IOException means "no answer": the batch may or may not have arrived. */
public interface EventPoster {

    /** The hub's HTTP status and, for a refusal, its reason. */
    record Reply(int status, String error) {
        public boolean accepted() {
            return status == 200;
        }
    }

    Reply post(List<OutboxEvent> batch) throws IOException, InterruptedException;

    /**
     * Whether the hub answers at all now (any HTTP answer), asked cheaply during a back-off after
     * "no answer" so a backlog leaves as soon as the hub is back, not at the end of the wait.
     */
    default boolean answers() throws InterruptedException {
        return false;
    }
}
