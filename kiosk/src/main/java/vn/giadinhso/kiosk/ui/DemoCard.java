package vn.giadinhso.kiosk.ui;

/**
 * A button on the demo panel: what it says, and the payload it "scans".
 *
 * @param label    a fictitious person's name (data)
 * @param labelKey when not null, a bundle text around {@code label} ("{0} (not on the list)")
 */
public record DemoCard(String label, String labelKey, String payload) {

    public DemoCard(String label, String payload) {
        this(label, null, payload);
    }
}
