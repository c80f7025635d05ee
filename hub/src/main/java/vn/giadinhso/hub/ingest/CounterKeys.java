package vn.giadinhso.hub.ingest;

import java.util.Comparator;
import java.util.List;

/**
 * Counter rows are upserted in one fixed order (by key), whatever the order of the events: two
 * transactions that bump the same rows then lock them in the same order and cannot deadlock
 * (PostgreSQL, with several writers; SQLite has one writer and does not care).
 */
final class CounterKeys {
  static final Comparator<List<String>> ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private CounterKeys() {}
}
