package vn.giadinhso.kiosk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.giadinhso.kiosk.identity.MemberKeyring;
import vn.giadinhso.protocol.MemberKeyChain;

/**
 * The attacker with a kiosk's data directory and nothing else: the member key chain from the
 * {@code member-keys} file and the roster's tags from {@code kiosk.db}. For one ID-number prefix
 * (province, sex/century, birth year: 10^6 candidates) it hashes every candidate, as fast as one
 * core allows (one reused Mac, no allocation per guess), and counts how many candidates share
 * each tag: that count is how many ID numbers are equally plausible for a stored entry.
 */
public final class StolenKioskAttack {
    public static final int CANDIDATES = 1_000_000;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    /** A roster row as the attacker reads it. */
    public record Entry(int keyVersion, int tag, String nameKey) {
    }

    private final MemberKeyChain chain;
    private final List<Entry> entries;

    public StolenKioskAttack(Path dataDir) throws java.io.IOException, SQLException {
        this.chain = MemberKeyring.parse(Files.readString(dataDir.resolve("member-keys"), StandardCharsets.UTF_8));
        List<Entry> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("kiosk.db"));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT key_version, id_tag, name_key FROM member ORDER BY rowid")) {
            while (r.next()) {
                rows.add(new Entry(r.getInt(1), r.getInt(2), r.getString(3)));
            }
        }
        this.entries = List.copyOf(rows);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Tag histogram over the 10^6 candidates of a 6-digit prefix; {@code nanos[0]} gets the time taken. */
    public int[] tagCounts(String prefix, long[] nanos) throws GeneralSecurityException {
        int versions = chain.currentVersion();
        Mac[] macs = new Mac[versions];
        for (int v = 1; v <= versions; v++) {
            macs[v - 1] = Mac.getInstance("HmacSHA256");
            macs[v - 1].init(new SecretKeySpec(chain.key(v), "HmacSHA256"));
        }
        byte[] id = (prefix + "000000").getBytes(StandardCharsets.US_ASCII);
        byte[] hash = new byte[32];
        int[] counts = new int[1 << 14];
        long start = System.nanoTime();
        for (int n = 0; n < CANDIDATES; n++) {
            int x = n;
            for (int i = 11; i >= 6; i--) {
                id[i] = (byte) ('0' + x % 10);
                x /= 10;
            }
            macs[0].update(id);
            macs[0].doFinal(hash, 0);
            for (int v = 1; v < versions; v++) {
                macs[v].update(hash);
                macs[v].doFinal(hash, 0);
            }
            counts[((hash[0] & 0xFF) << 6) | ((hash[1] & 0xFF) >>> 2)]++;
        }
        nanos[0] = System.nanoTime() - start;
        return counts;
    }

    /** Files of the directory holding a 64-hex string (a full member hash would look like one). */
    public static List<String> filesWithHex64(Path dataDir) throws java.io.IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (HEX64.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).find()) {
                    found.add(dataDir.relativize(f).toString());
                }
            }
        }
        return found;
    }
}
