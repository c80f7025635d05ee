package vn.giadinhso.hub.language;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The language packs shipped inside the hub (resources/languages/&lt;code&gt;/), published by the
 * demo as lesson packs are. None ship yet: vi and en are built into the kiosk, and a language
 * the project cannot check is not invented (docs/languages.md).
 */
public final class ShippedLanguages {
  private final LanguagePackReader reader;
  private final LanguagePackStore store;
  private final String resource;

  public ShippedLanguages(LanguagePackReader reader, LanguagePackStore store) {
    this(reader, store, "/languages");
  }

  /** @param resource a class-path folder holding pack folders (tests publish their own) */
  public ShippedLanguages(LanguagePackReader reader, LanguagePackStore store, String resource) {
    this.reader = reader;
    this.store = store;
    this.resource = resource;
  }

  /** @return how many pack versions were new */
  public int load() throws IOException {
    URL root = ShippedLanguages.class.getResource(resource);
    if (root == null) {
      return 0;
    }
    try {
      URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return loadAll(jar.getPath(resource));
        }
      }
      return loadAll(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate shipped languages: " + e.getMessage(), e);
    }
  }

  private int loadAll(Path languages) throws IOException {
    List<Path> packs = new ArrayList<>();
    try (Stream<Path> children = Files.list(languages)) {
      children.filter(p -> Files.isRegularFile(p.resolve("pack.json"))).sorted().forEach(packs::add);
    }
    int loaded = 0;
    for (Path pack : packs) {
      LanguagePackReader.Loaded read = reader.read(pack);
      loaded += store.save(read.pack(), read.zip()) ? 1 : 0;
    }
    return loaded;
  }
}
