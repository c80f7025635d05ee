package vn.giadinhso.kiosk.screen;

import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.scan.ScanOutcome;

/** Reading a card: what the payload is, then the roster lookup (which records the scan). */
public interface Cards {

    Identification identify(String payload);

    ScanOutcome scan(Identification id);
}
