package vn.giadinhso.hub.lesson;

import java.util.List;
import vn.giadinhso.hub.pack.PackStore;
import vn.giadinhso.hub.pack.Published;

/** Lesson packs, every version kept, for kiosks to download. */
public interface LessonPackStore extends PackStore<LessonPack> {
  /** Every version of every pack, newest publication first (the dashboard's list). */
  List<Published<LessonPack>> history();
}
