package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.kiosk.store.Settings;
import vn.giadinhso.protocol.MemberNames;
import vn.giadinhso.protocol.CriterionStatus;

/**
 * The commune's households and criteria set as last synced, plus what residents declared here
 * since. Reads work with the hub unreachable; writes come from the sync and from declarations.
 */
public final class Roster {

    private static final String CRITERIA = "criteriaSet";

    private final LocalDatabase db;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public Roster(LocalDatabase db) {
        this.db = db;
    }

    public Optional<Household> byCode(String code) {
        return db.transaction(c -> find(c, code));
    }

    /** A roster member a card matched: their household and masked name. */
    public record MemberMatch(String householdCode, String displayName) {
    }

    /**
     * Members whose tag under their row's key version is {@code tags[version-1]} and whose folded
     * masked name is {@code nameKey}. Several households can match (a tag is only 14 bits): the
     * caller asks for the household card then.
     */
    public List<MemberMatch> byMember(int[] tags, String nameKey) {
        return db.transaction(c -> {
            List<MemberMatch> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT DISTINCT household_code, display_name, key_version, id_tag FROM member WHERE name_key = ?")) {
                s.setString(1, nameKey);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int version = r.getInt(3);
                        if (version >= 1 && version <= tags.length && tags[version - 1] == r.getInt(4)) {
                            out.add(new MemberMatch(r.getString(1), r.getString(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Reads one household, if any, so the first scan does not load the JSON reader (KioskApp's warm-up). */
    public void warmUp() {
        db.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT code FROM household LIMIT 1")) {
                return r.next() ? find(c, r.getString(1)) : Optional.<Household>empty();
            }
        });
    }

    public Optional<CriteriaSet> criteriaSet() {
        return db.transaction(c -> Settings.get(c, CRITERIA)).map(text -> read(text, CriteriaSet.class));
    }

    public int households() {
        return db.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM household")) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    /** Records a resident's "I can do this" with its event, in one transaction. */
    public void declare(Connection c, String householdCode, String criterionId, String at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR REPLACE INTO declaration(household_code, criterion_id, at) VALUES (?, ?, ?)")) {
            s.setString(1, householdCode);
            s.setString(2, criterionId);
            s.setString(3, at);
            s.executeUpdate();
        }
    }

    /**
     * Stores households from a sync page (replacing earlier versions and their members); their
     * member tags are under key version {@code keyVersion}.
     */
    public void store(Connection c, JsonNode households, int keyVersion) throws SQLException {
        try (PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO household(code, json) VALUES (?, ?)");
                PreparedStatement dropMembers = c.prepareStatement("DELETE FROM member WHERE household_code = ?");
                PreparedStatement putMember = c.prepareStatement(
                        "INSERT INTO member(household_code, key_version, id_tag, name_key, display_name)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            for (JsonNode h : households) {
                String code = h.path("code").asText();
                put.setString(1, code);
                put.setString(2, withoutHashes(h).toString());
                put.executeUpdate();
                dropMembers.setString(1, code);
                dropMembers.executeUpdate();
                for (JsonNode m : h.path("members")) {
                    // Only a 0..16383 tag is kept; anything else (a full hash from an old hub) is dropped.
                    JsonNode tag = m.get("idTag");
                    if (tag != null && tag.canConvertToInt() && tag.asInt() >= 0 && tag.asInt() < 16384) {
                        String name = m.path("displayName").asText("");
                        putMember.setString(1, code);
                        putMember.setInt(2, keyVersion);
                        putMember.setInt(3, tag.asInt());
                        putMember.setString(4, MemberNames.fold(name));
                        putMember.setString(5, name);
                        putMember.executeUpdate();
                    }
                }
            }
        }
    }

    // An older hub sent each member's full hash: the kiosk must not keep it, even inside the JSON.
    private static JsonNode withoutHashes(JsonNode household) {
        JsonNode copy = household.deepCopy();
        for (JsonNode m : copy.path("members")) {
            if (m instanceof com.fasterxml.jackson.databind.node.ObjectNode member) {
                member.remove("idHash");
            }
        }
        return copy;
    }

    /** Stores a sync page's {@code revokedCards}: each household's highest revoked card serial. */
    public void storeRevocations(Connection c, JsonNode revokedCards) throws SQLException {
        try (PreparedStatement put = c.prepareStatement(
                "INSERT OR REPLACE INTO revoked_card(household_code, revoked_through) VALUES (?, ?)")) {
            for (JsonNode r : revokedCards) {
                put.setString(1, r.path("householdCode").asText());
                put.setInt(2, r.path("revokedThrough").asInt());
                put.executeUpdate();
            }
        }
    }

    /** Whether the hub revoked this household's card with this serial (a lost card). */
    public boolean revoked(String householdCode, int serial) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM revoked_card WHERE household_code = ? AND revoked_through >= ?")) {
                s.setString(1, householdCode);
                s.setInt(2, serial);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    public void storeCriteriaSet(Connection c, JsonNode set) throws SQLException {
        Settings.put(c, CRITERIA, set.toString());
    }

    private Optional<Household> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT json FROM household WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(withDeclarations(c, read(r.getString(1), Household.class)));
            }
        }
    }

    // A declaration shows as DECLARED only where the hub still says NOT_MET; once staff verify it
    // the hub's status wins.
    private Household withDeclarations(Connection c, Household h) throws SQLException {
        Set<String> declared = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT criterion_id FROM declaration WHERE household_code = ?")) {
            s.setString(1, h.code());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    declared.add(r.getString(1));
                }
            }
        }
        if (declared.isEmpty()) {
            return h;
        }
        List<CriterionState> criteria = new ArrayList<>();
        for (CriterionState state : h.criteria()) {
            criteria.add(declared.contains(state.id()) && state.status() == CriterionStatus.NOT_MET
                    ? new CriterionState(state.id(), CriterionStatus.DECLARED, "kiosk", state.at())
                    : state);
        }
        return h.withCriteria(criteria);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("damaged roster row: " + e.getMessage(), e);
        }
    }
}
