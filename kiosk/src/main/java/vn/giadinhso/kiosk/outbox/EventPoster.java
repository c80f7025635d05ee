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
}
