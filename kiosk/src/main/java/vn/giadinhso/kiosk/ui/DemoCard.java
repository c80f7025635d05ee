package vn.giadinhso.kiosk.ui;

/** A button on the demo panel: what it says, and the payload it "scans". */
public record DemoCard(String label, String payload) {
}
