package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One entry of the hub's {@code lessonPacks} list in a sync page: which zip to fetch and how to check it. */
public record PackListing(String id, int version, String sha256, long size) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * The entries that are well formed. The id becomes a folder name, so anything but a plain id
     * (a "../" for instance) is dropped rather than trusted.
     */
    public static List<PackListing> parse(JsonNode lessonPacks) {
        return parse(lessonPacks, "id");
    }

    /** As {@link #parse(JsonNode)}, the name coming from {@code idField} ("code" for language packs). */
    public static List<PackListing> parse(JsonNode packs, String idField) {
        List<PackListing> out = new ArrayList<>();
        for (JsonNode p : packs) {
            String id = p.path(idField).asText("");
            String sha = p.path("sha256").asText("").toLowerCase(java.util.Locale.ROOT);
            int version = p.path("version").asInt(0);
            long size = p.path("size").asLong(-1);
            if (ID.matcher(id).matches() && SHA256.matcher(sha).matches() && version > 0 && size > 0) {
                out.add(new PackListing(id, version, sha, size));
            }
        }
        return out;
    }
}
