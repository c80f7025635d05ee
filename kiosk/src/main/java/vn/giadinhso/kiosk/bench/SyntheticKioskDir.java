package vn.giadinhso.kiosk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.household.Roster;
import vn.giadinhso.kiosk.identity.HubPublicKey;
import vn.giadinhso.kiosk.identity.MemberKeyring;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberKeyChain;
import vn.giadinhso.protocol.MemberNames;
import vn.giadinhso.protocol.MemberSeal;

/**
 * An enrolled kiosk data directory with a synced commune roster, made the way a real one is:
 * {@link KioskDataDir#write} for the identity and keys, and {@link Roster#store} applied to sync
 * pages in the hub's documented format (14-bit tags, masked names). The ID numbers are synthetic:
 * one province, a few birth years, both sexes; the benchmark keeps them (the attacker does not).
 */
public final class SyntheticKioskDir {

    /** A roster member as only the benchmark knows it. */
    public record Person(String idNumber, String fullName, String prefix) {
    }

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Rơ Châm"};
    private static final String[] MIDDLES = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Kim", "Xuân"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Hùng", "Mai", "Nam", "Phương",
        "Sơn", "Tâm", "Thảo", "Tuấn", "Yến", "Hải", "Nhi", "Blơng", "Hương", "Long"};

    private final KioskDataDir dir;
    private final List<Person> people;
    private final KeyPair hubSealing;

    private SyntheticKioskDir(KioskDataDir dir, List<Person> people, KeyPair hubSealing) {
        this.dir = dir;
        this.people = people;
        this.hubSealing = hubSealing;
    }

    /**
     * @param province three digits, e.g. 052 (Gia Lai)
     * @param years birth years (1900s); each person's prefix is province + sex/century digit + yy
     */
    public static SyntheticKioskDir build(Path path, int members, String province, int[] years, long seed)
            throws IOException, GeneralSecurityException {
        Random random = new Random(seed);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        MemberKeyChain chain = new MemberKeyChain(List.of(key));
        String memberKeys = MemberKeyring.singleKey(Base64.getEncoder().encodeToString(key));
        KeyPair signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair sealing = MemberSeal.generateKeyPair();
        KioskDataDir dir = new KioskDataDir(path);
        dir.write(new KioskIdentity("k-bench", URI.create("https://hub.invalid"), "bench-token-not-secret",
                HubPublicKey.toText(signing.getPublic()), memberKeys,
                Base64.getEncoder().encodeToString(sealing.getPublic().getEncoded()), "bench-point", "bench-commune",
                null));

        ObjectMapper json = new ObjectMapper();
        List<Person> people = new ArrayList<>();
        ArrayNode households = json.createArrayNode();
        int household = 0;
        while (people.size() < members) {
            household++;
            ObjectNode h = households.addObject().put("code", String.format("BC-%05d", household))
                    .put("village", "Thôn Bench");
            ArrayNode list = h.putArray("members");
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            int size = Math.min(members - people.size(), 1 + random.nextInt(4));
            for (int m = 0; m < size; m++) {
                boolean female = random.nextBoolean();
                int year = years[random.nextInt(years.length)];
                String prefix = province + (female ? "1" : "0") + String.format("%02d", year % 100);
                String id = prefix + String.format("%06d", random.nextInt(1_000_000));
                String name = surname + " " + (female ? "Thị" : MIDDLES[random.nextInt(MIDDLES.length)]) + " "
                        + GIVEN[random.nextInt(GIVEN.length)];
                people.add(new Person(id, name, prefix));
                list.addObject().put("idTag", MemberIdHash.tag(chain.current(id))).put("displayName", MemberNames.mask(name));
                if (m == 0) {
                    h.put("displayName", MemberNames.mask(name));
                }
            }
        }
        try (LocalDatabase db = LocalDatabase.open(dir.database())) {
            Roster roster = new Roster(db);
            db.transaction(c -> {
                roster.store(c, households, 1);
                return null;
            });
        }
        return new SyntheticKioskDir(dir, List.copyOf(people), sealing);
    }

    public KioskDataDir dir() {
        return dir;
    }

    public List<Person> people() {
        return people;
    }

    /** The hub's half, kept out of the directory: only to check that sealed boxes open. */
    public KeyPair hubSealing() {
        return hubSealing;
    }
}
