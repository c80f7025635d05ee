package vn.giadinhso.hub.language;

import vn.giadinhso.hub.pack.PackStore;

/** Language packs, every version kept, for kiosks to download (as {@code LessonPackStore} for lessons). */
public interface LanguagePackStore extends PackStore<LanguagePack> {}
