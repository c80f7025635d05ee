package vn.giadinhso.hub.web;

import io.javalin.http.Context;
import vn.giadinhso.hub.criteria.CriteriaSet;

/** Group and flag ids by their names in the reader's language: groups from the criteria set, flags from the names bundle. */
final class LabelNames {
  private final Pages pages;

  LabelNames(Pages pages) {
    this.pages = pages;
  }

  String group(Context ctx, CriteriaSet set, String id) {
    boolean english = Pages.language(ctx) == Messages.Language.EN;
    return set.groups().stream().filter(g -> g.id().equals(id)).findFirst()
        .map(g -> english && g.name().en() != null ? g.name().en() : g.name().vi()).orElse(id);
  }

  /** The flag's name, or its id when no bundle names it (a set may bring flags of its own). */
  String flag(Context ctx, String id) {
    try {
      return pages.text(ctx, "flag." + id);
    } catch (IllegalArgumentException unnamed) {
      return id;
    }
  }
}
