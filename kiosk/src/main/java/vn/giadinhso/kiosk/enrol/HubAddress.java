package vn.giadinhso.kiosk.enrol;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a hub address, applied wherever one reaches the kiosk (command line, the
 * on-screen hub step, the enrolment QR, a data directory enrolled before the rule): https://, or
 * plain http:// only to this machine. Enrolment answers with the kiosk's token and the commune's
 * hashing key, and every later request carries the token, so on a network they must not travel in
 * clear; on loopback nothing leaves the machine (the demo runs there).
 */
public final class HubAddress {

    /** What is wrong with an address. */
    public enum Problem {
        /** Not an http:// or https:// URL with a host. */
        NOT_A_URL,
        /** http:// to a host other than localhost, 127.0.0.0/8 or [::1]. */
        PLAIN_HTTP
    }

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private HubAddress() {
    }

    /** Empty when the kiosk may talk to {@code hub}. Decided from the text alone: no name lookup. */
    public static Optional<Problem> problem(URI hub) {
        String scheme = hub.getScheme() == null ? "" : hub.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || hub.getHost() == null) {
            return Optional.of(Problem.NOT_A_URL);
        }
        if (scheme.equals("http") && !loopback(hub.getHost())) {
            return Optional.of(Problem.PLAIN_HTTP);
        }
        return Optional.empty();
    }

    /** The same for typed or scanned text; text that is not a URI at all is {@link Problem#NOT_A_URL}. */
    public static Optional<Problem> problem(String hub) {
        try {
            return problem(new URI(hub.strip()));
        } catch (java.net.URISyntaxException e) {
            return Optional.of(Problem.NOT_A_URL);
        }
    }

    /** The operator's explanation (English, for the command line and the kiosk log). */
    public static String explain(URI hub, Problem problem) {
        return switch (problem) {
            case NOT_A_URL -> "the hub address " + hub + " is not an http:// or https:// address";
            case PLAIN_HTTP -> "the hub address " + hub + " is plain http:// on the network; enrolment and sync send"
                    + " this kiosk's token and keys, so a hub on the network needs https:// (plain http:// is allowed"
                    + " only for localhost, 127.0.0.1 or [::1])";
        };
    }

    /**
     * localhost, 127.0.0.0/8 or ::1 written as literals. Names other than {@code localhost} are not
     * looked up: a name that resolves to 127.0.0.1 today may not tomorrow.
     */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        var v4 = IPV4_LOOPBACK.matcher(h);
        if (v4.matches()) {
            for (int i = 1; i <= 3; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]") && h.indexOf(':') >= 0) {
            try {
                // A bracketed IPv6 literal: parsed, never looked up.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
