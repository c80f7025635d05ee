package vn.giadinhso.hub.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.Criterion;
import vn.giadinhso.hub.criteria.Text;

/**
 * A criteria set as a page shows it, in the reader's language: pillars with their criteria,
 * groups with their targets, and flags by name. Sets carry their own texts in Vietnamese and
 * English; flags are bare ids in a set, so their names come from the shared "names" bundle
 * ({@code flag.<id>}), the id itself where a set brings a flag the bundle does not name.
 */
final class CriteriaView {
  private final Pages pages;
  private final Context ctx;
  private final boolean english;

  CriteriaView(Pages pages, Context ctx) {
    this.pages = pages;
    this.ctx = ctx;
    this.english = Pages.language(ctx) == Messages.Language.EN;
  }

  java.util.Locale locale() {
    return Pages.language(ctx).locale();
  }

  String text(Text text) {
    return english ? text.en() : text.vi();
  }

  String flagName(String id) {
    try {
      return pages.text(ctx, "flag." + id);
    } catch (IllegalArgumentException unnamed) {
      return id;
    }
  }

  String criterionName(CriteriaSet set, String id) {
    return set.criteria().stream().filter(c -> c.id().equals(id)).findFirst().map(c -> text(c.text())).orElse(id);
  }

  Map<String, Object> set(CriteriaSet set) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", text(set.title()));
    model.put("version", set.version());
    model.put("source", set.source());
    model.put("criteriaCount", set.criteria().size());
    if (set.overallTargetPercent() != null) {
      model.put("overallTarget", set.overallTargetPercent());
    }
    model.put("pillars", set.pillars().stream().map(p -> Map.of(
        "id", p.id(), "title", text(p.title()),
        "criteria", set.criteria().stream().filter(c -> c.pillar().equals(p.id())).map(this::criterion).toList()))
        .toList());
    model.put("groups", set.groups().stream().map(g -> {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("id", g.id());
      group.put("name", text(g.name()));
      if (g.targetPercent() != null) {
        group.put("target", String.valueOf(g.targetPercent())); // a 0 % target is a target
      }
      return group;
    }).toList());
    model.put("hasGroups", !set.groups().isEmpty());
    model.put("flags", set.flags().stream().map(f -> Map.of("id", f, "name", flagName(f))).toList());
    model.put("hasFlags", !set.flags().isEmpty());
    return model;
  }

  private Map<String, Object> criterion(Criterion c) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("id", c.id());
    model.put("text", text(c.text()));
    if (c.appliesIf() != null) {
      model.put("appliesTo", String.join(", ", c.appliesIf().anyFlag().stream().map(this::flagName).toList()));
    }
    return model;
  }

}
