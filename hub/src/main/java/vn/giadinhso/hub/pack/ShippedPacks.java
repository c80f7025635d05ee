package vn.giadinhso.hub.pack;

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
 * The packs of one kind shipped inside the hub (a class-path folder of pack folders, e.g.
 * resources/lessons/&lt;pack&gt;/), published by the demo. Read from the jar or, in development and
 * tests, from the folder.
 */
public final class ShippedPacks<P extends VersionedPack> {
  private final PackReader<P> reader;
  private final PackStore<P> store;
  private final String resource;

  /** @param resource the class-path folder holding pack folders ("/lessons") */
  public ShippedPacks(PackReader<P> reader, PackStore<P> store, String resource) {
    this.reader = reader;
    this.store = store;
    this.resource = resource;
  }

  /** @return how many pack versions were new */
  public int load() throws IOException {
    URL root = ShippedPacks.class.getResource(resource);
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
      throw new IOException("cannot locate shipped packs in " + resource + ": " + e.getMessage(), e);
    }
  }

  private int loadAll(Path folder) throws IOException {
    List<Path> packs = new ArrayList<>();
    try (Stream<Path> children = Files.list(folder)) {
      children.filter(p -> Files.isRegularFile(p.resolve(reader.manifest()))).sorted().forEach(packs::add);
    }
    int loaded = 0;
    for (Path pack : packs) {
      PackReader.Loaded<P> read = reader.read(pack);
      loaded += store.save(read.pack(), read.zip()) ? 1 : 0;
    }
    return loaded;
  }
}
