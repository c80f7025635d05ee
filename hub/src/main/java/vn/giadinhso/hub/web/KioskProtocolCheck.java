package vn.giadinhso.hub.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import vn.giadinhso.protocol.KioskProtocol;

/**
 * Refuses a kiosk whose software speaks a kiosk protocol older than this hub serves
 * (docs/decisions/hub-024-kiosk-protocol.md). The answer is 403, not 426: every kiosk release so
 * far keeps a batch answered 403 in its outbox and tries again later, where any other 4xx would make
 * a kiosk of protocol 1 set its events aside as bad; the JSON's {@code code} tells newer kiosks
 * to show "update needed" on the staff screen.
 */
final class KioskProtocolCheck {
  /** The oldest protocol this hub serves: kiosks of every release so far. */
  static final int OLDEST_SERVED = KioskProtocol.UNSTATED;

  /** The refusal, answered by {@link HubHttp}'s exception mapping. */
  static final class TooOld extends RuntimeException {
    private final int stated;
    private final int oldestServed;

    TooOld(int stated, int oldestServed) {
      super("this kiosk's software is older than the hub serves (kiosk protocol " + stated + ", the hub needs "
          + oldestServed + " or newer): update the kiosk; its events stay on it until then");
      this.stated = stated;
      this.oldestServed = oldestServed;
    }
  }

  /** The answer's body: the usual {@code error} and {@code status}, with what a kiosk needs to say why. */
  record Refusal(String error, int status, String code, int kioskProtocol, int minProtocol, int hubProtocol) {}

  private final int oldestServed;

  KioskProtocolCheck(int oldestServed) {
    this.oldestServed = oldestServed;
  }

  void check(Context ctx) {
    int stated = KioskProtocol.parse(ctx.header(KioskProtocol.HEADER));
    if (stated < oldestServed) {
      throw new TooOld(stated, oldestServed);
    }
  }

  static void answer(TooOld e, Context ctx, Responses responses) {
    ctx.header("X-Hub-Kiosk-Protocol-Min", Integer.toString(e.oldestServed));
    responses.send(ctx, HttpStatus.FORBIDDEN, new Refusal(e.getMessage(), 403, KioskProtocol.TOO_OLD, e.stated,
        e.oldestServed, Math.max(KioskProtocol.CURRENT, e.oldestServed)));
  }
}
