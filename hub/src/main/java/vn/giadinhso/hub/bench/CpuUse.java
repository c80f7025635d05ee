package vn.giadinhso.hub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time spent by this process during a measured run, split by who spent it: the hub's request
 * threads, the simulated kiosks' HTTP client, and the rest (GC, JIT, SQLite's checkpoints on
 * whichever thread commits). On a machine with few cores the client competes with the hub, so an
 * end-to-end rate alone hides where the time went.
 */
final class CpuUse {
  /** CPU microseconds per event, by thread group; "process" is the whole JVM. */
  record PerEvent(Map<String, Double> micros) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> before;
  private final long processBefore;

  private CpuUse() {
    this.before = snapshot();
    this.processBefore = processCpu();
  }

  static CpuUse start() {
    return new CpuUse();
  }

  PerEvent stop(long events) {
    long process = processCpu() - processBefore;
    Map<Long, Long> after = snapshot();
    Map<String, Double> micros = new LinkedHashMap<>();
    micros.put("process", process / 1e3 / events);
    Map<String, Long> byGroup = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(after.keySet().stream().mapToLong(Long::longValue).toArray())) {
      if (info != null) {
        long spent = after.get(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L);
        byGroup.merge(group(info.getThreadName()), spent, Long::sum);
      }
    }
    for (String group : new String[] {"hub requests", "kiosk clients"}) {
      micros.put(group, byGroup.getOrDefault(group, 0L) / 1e3 / events);
    }
    micros.put("JIT, GC, other", micros.get("process") - micros.get("hub requests") - micros.get("kiosk clients"));
    return new PerEvent(micros);
  }

  private static String group(String threadName) {
    if (threadName.startsWith("JettyServerThreadPool") || threadName.startsWith("sqlite-")) {
      return "hub requests";
    }
    if (threadName.startsWith("HttpClient") || threadName.startsWith("kiosk-")) {
      return "kiosk clients";
    }
    return "other";
  }

  private Map<Long, Long> snapshot() {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return cpu;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
