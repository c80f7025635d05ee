package vn.giadinhso.hub.criteria;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.giadinhso.hub.Json;

/**
 * Checks a criteria-set file uploaded for one commune and names every problem it finds, where
 * it is (a JSON path such as {@code criteria[2].text}) and what is wrong, so staff can fix the
 * file in one go. The rules are the ones {@link CriteriaSet} and {@code import-criteria} apply
 * (docs/criteria.md), plus two the command line cannot know: the file must be for the commune
 * whose page it was uploaded on, and its version must be newer than the current one. A file that
 * passes is bound by the same {@link CriteriaSetJson} mapper the command uses.
 */
public final class CriteriaUpload {
  /** A set is a few kilobytes (Kon Chiêng's 22 criteria: 9 KB); a quarter megabyte is plenty. */
  public static final int MAX_BYTES = 256 * 1024;

  /** One problem: {@code key} names the message (bundle "criteria"), {@code args} fill it. */
  public record Problem(String where, String key, List<String> args) {
    public Problem {
      args = List.copyOf(args);
    }
  }

  /** A checked set, or the problems that stop it. */
  public record Result(CriteriaSet set, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return set != null;
    }
  }

  private final ObjectMapper mapper = Json.newMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public Result check(byte[] bytes, String communeId, Optional<CriteriaSet> current) {
    if (bytes.length == 0) {
      return refused(new Problem("", "criteria.problem.empty", List.of()));
    }
    if (bytes.length > MAX_BYTES) {
      return refused(new Problem("", "criteria.problem.tooLarge", List.of(String.valueOf(MAX_BYTES / 1024))));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return refused(new Problem("", "criteria.problem.notUtf8", List.of()));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // Windows editors save UTF-8 with a byte-order mark
    }
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      return refused(new Problem("", "criteria.problem.badJson", List.of(
          at == null ? "?" : String.valueOf(at.getLineNr()), at == null ? "?" : String.valueOf(at.getColumnNr()))));
    }
    if (root == null || !root.isObject()) {
      return refused(new Problem("", "criteria.problem.notObject", List.of()));
    }
    List<Problem> problems = new ArrayList<>();
    checkHead(root, communeId, current, problems);
    Set<String> pillars = ids(root, "pillars", "title", problems);
    Set<String> flags = new HashSet<>();
    root.path("flags").forEach(f -> flags.add(f.asText()));
    checkCriteria(root, pillars, flags, problems);
    ids(root, "groups", "name", problems);
    JsonNode groups = root.path("groups");
    for (int i = 0; i < groups.size(); i++) {
      JsonNode target = groups.get(i).path("targetPercent");
      if (!target.isMissingNode() && !target.isNull() && (!target.canConvertToInt() || target.asInt() < 0 || target.asInt() > 100)) {
        problems.add(new Problem("groups[" + i + "].targetPercent", "criteria.problem.badTarget", List.of()));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    try {
      return new Result(mapper.treeToValue(root, CriteriaSet.class), List.of());
    } catch (JsonProcessingException e) {
      // What the checks above do not cover (an unknown field, a number where text belongs…).
      String where = e instanceof JsonMappingException m ? path(m) : "";
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      String reason = cause instanceof IllegalArgumentException ? cause.getMessage()
          : e.getOriginalMessage().replaceAll("\\(class [^)]*\\)", "").strip();
      return refused(new Problem(where, "criteria.problem.other", List.of(reason)));
    } catch (IllegalArgumentException e) {
      return refused(new Problem("", "criteria.problem.other", List.of(e.getMessage())));
    }
  }

  private static void checkHead(JsonNode root, String communeId, Optional<CriteriaSet> current, List<Problem> problems) {
    for (String field : List.of("communeId", "communeName", "province", "source")) {
      if (!root.path(field).isTextual() || root.path(field).asText().isBlank()) {
        problems.add(new Problem(field, "criteria.problem.missing", List.of(field)));
      }
    }
    String fileCommune = root.path("communeId").asText("");
    if (!fileCommune.isBlank() && !fileCommune.equals(communeId)) {
      problems.add(new Problem("communeId", "criteria.problem.wrongCommune", List.of(fileCommune, communeId)));
    }
    JsonNode version = root.path("version");
    if (!version.isIntegralNumber() || version.asInt() < 1) {
      problems.add(new Problem("version", "criteria.problem.badVersion", List.of()));
    } else if (current.isPresent() && version.asInt() <= current.get().version()) {
      problems.add(new Problem("version", "criteria.problem.versionNotNewer",
          List.of(String.valueOf(version.asInt()), String.valueOf(current.get().version()))));
    }
    text(root, "title", "title", problems);
  }

  private static void checkCriteria(JsonNode root, Set<String> pillars, Set<String> flags, List<Problem> problems) {
    JsonNode criteria = root.path("criteria");
    if (!criteria.isArray() || criteria.isEmpty()) {
      problems.add(new Problem("criteria", "criteria.problem.noCriteria", List.of()));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < criteria.size(); i++) {
      JsonNode c = criteria.get(i);
      String where = "criteria[" + i + "]";
      String id = c.path("id").asText("");
      if (!id.matches("[a-z0-9-]{1,64}")) {
        problems.add(new Problem(where + ".id", "criteria.problem.badId", List.of(id)));
      } else if (!seen.add(id)) {
        problems.add(new Problem(where + ".id", "criteria.problem.duplicateId", List.of(id)));
      }
      String pillar = c.path("pillar").asText("");
      if (!pillars.contains(pillar)) {
        problems.add(new Problem(where + ".pillar", "criteria.problem.unknownPillar", List.of(pillar)));
      }
      text(c, "text", where + ".text", problems);
      for (JsonNode flag : c.path("appliesIf").path("anyFlag")) {
        if (!flags.contains(flag.asText())) {
          problems.add(new Problem(where + ".appliesIf", "criteria.problem.unknownFlag", List.of(flag.asText())));
        }
      }
    }
  }

  /** The ids of a list of pillars or groups, each checked for form, repetition and its vi/en text. */
  private static Set<String> ids(JsonNode root, String list, String textField, List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    JsonNode items = root.path(list);
    for (int i = 0; i < items.size(); i++) {
      String where = list + "[" + i + "]";
      String id = items.get(i).path("id").asText("");
      if (!id.matches("[a-z0-9-]{1,64}")) {
        problems.add(new Problem(where + ".id", "criteria.problem.badId", List.of(id)));
      } else if (!seen.add(id)) {
        problems.add(new Problem(where + ".id", "criteria.problem.duplicateId", List.of(id)));
      }
      text(items.get(i), textField, where + "." + textField, problems);
    }
    return seen;
  }

  private static void text(JsonNode parent, String field, String where, List<Problem> problems) {
    JsonNode text = parent.path(field);
    if (!text.path("vi").isTextual() || text.path("vi").asText().isBlank()) {
      problems.add(new Problem(where + ".vi", "criteria.problem.missingVi", List.of()));
    }
    if (!text.path("en").isTextual() || text.path("en").asText().isBlank()) {
      problems.add(new Problem(where + ".en", "criteria.problem.missingEn", List.of()));
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static Result refused(Problem problem) {
    return new Result(null, List.of(problem));
  }
}
