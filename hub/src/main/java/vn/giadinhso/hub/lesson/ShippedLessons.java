package vn.giadinhso.hub.lesson;

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

/** The lesson packs shipped inside the hub (resources/lessons/&lt;pack&gt;/), loaded by the demo. */
public final class ShippedLessons {
  private final LessonPackReader reader;
  private final LessonPackStore store;

  public ShippedLessons(LessonPackReader reader, LessonPackStore store) {
    this.reader = reader;
    this.store = store;
  }

  /** @return how many pack versions were new */
  public int load() throws IOException {
    URL root = ShippedLessons.class.getResource("/lessons");
    if (root == null) {
      return 0;
    }
    try {
      URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return loadAll(jar.getPath("/lessons"));
        }
      }
      return loadAll(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate shipped lessons: " + e.getMessage(), e);
    }
  }

  private int loadAll(Path lessons) throws IOException {
    List<Path> packs = new ArrayList<>();
    try (Stream<Path> children = Files.list(lessons)) {
      children.filter(p -> Files.isRegularFile(p.resolve("lesson.json"))).sorted().forEach(packs::add);
    }
    int loaded = 0;
    for (Path pack : packs) {
      LessonPackReader.Loaded read = reader.read(pack);
      loaded += store.save(read.pack(), read.zip()) ? 1 : 0;
    }
    return loaded;
  }
}
