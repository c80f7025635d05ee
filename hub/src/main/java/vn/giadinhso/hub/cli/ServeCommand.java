package vn.giadinhso.hub.cli;

import io.javalin.Javalin;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.HubVersion;
import vn.giadinhso.hub.web.ClientAddress;
import vn.giadinhso.hub.web.HubHttp;

@Command(name = "serve", description = "Migrate the database and serve the HTTP API until stopped (Ctrl-C / SIGTERM).")
final class ServeCommand extends HubSubcommand implements java.util.concurrent.Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "port to listen on (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--public-url", paramLabel = "URL", description = {
      "the hub's address as kiosks reach it, e.g. https://hub.xa-antuong.vn; enrolment QR codes on the",
      "dashboard then carry it, so a kiosk is enrolled by one scan"})
  java.net.URI publicUrl;

  @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",", description = {
      "a reverse proxy (nginx, Caddy) in front of the hub, e.g. 127.0.0.1; repeat it or give a comma list.",
      "Only requests from these addresses have their X-Forwarded-For read for the client's address",
      "(login throttling, audit log); without it every client behind the proxy looks like the proxy"})
  java.util.List<String> trustedProxies = new java.util.ArrayList<>();

  @Option(names = "--metrics-port", paramLabel = "PORT", description = {
      "serve Prometheus metrics at /metrics on this port, never on --port (0: any free port; default: no metrics)"})
  Integer metricsPort;

  @Option(names = "--metrics-host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = {
      "address the metrics port listens on (default ${DEFAULT-VALUE}); any other needs --metrics-token-file"})
  String metricsHost;

  @Option(names = "--metrics-token-file", paramLabel = "FILE", description = {
      "a file holding the token a scrape must send as 'Authorization: Bearer <token>' (at least 16 characters)"})
  java.nio.file.Path metricsTokenFile;

  @Option(names = "--log-format", defaultValue = "${env:GIADINHSO_LOG_FORMAT:-plain}", paramLabel = "plain|json",
      description = {"plain text (the default) or one JSON object a line for a log collector;",
          "also set by the environment variable GIADINHSO_LOG_FORMAT"})
  String logFormat;
  @picocli.CommandLine.Mixin RetentionOptions retention;

  @Override
  public Integer call() throws InterruptedException {
    if (publicUrl != null && (publicUrl.getScheme() == null || !publicUrl.getScheme().matches("https?")
        || publicUrl.getHost() == null)) {
      throw new IllegalArgumentException("--public-url must be an http(s) address such as https://hub.xa-antuong.vn");
    }
    vn.giadinhso.hub.logging.LogFormat.parse(logFormat).apply();
    ClientAddress clientAddress = new ClientAddress(trustedProxies.stream().map(ClientAddress::requireLiteral).toList());
    java.util.Optional<String> metricsToken = metricsToken();
    HubApp hub = db.open();
    // The first run a few minutes after start (not in the middle of a restart's catch-up), then daily.
    hub.startRetention(retention.policy(), java.time.Duration.ofMinutes(5));
    Javalin app = HubHttp.create(hub, HubVersion.get(), publicUrl, clientAddress).start(host, port);
    Javalin metricsApp = metricsPort == null ? null
        : vn.giadinhso.hub.metrics.MetricsHttp.create(hub.metrics, metricsToken).start(metricsHost, metricsPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread warmUp = warmReports(hub);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Finish requests in flight and the report warm-up, then close the database so the WAL is
      // checkpointed and removed: the next start (or a backup) finds one clean file.
      app.stop();
      if (metricsApp != null) {
        metricsApp.stop();
      }
      try {
        warmUp.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      hub.close();
      stopped.countDown();
    }, "hub-shutdown"));
    org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info("hub {} serving on {}:{}, database {}{}",
        HubVersion.get(), host, app.port(), hub.db.location(),
        metricsApp == null ? "" : ", metrics on " + metricsHost + ":" + metricsApp.port());
    out().println("listening on http://" + host + ":" + app.port());
    if (metricsApp != null) {
      out().println("metrics on http://" + metricsHost + ":" + metricsApp.port() + "/metrics"
          + (metricsToken.isPresent() ? " (token required)" : ""));
    }
    out().flush();
    stopped.await();
    return 0;
  }

  /**
   * The scrape token, read before anything starts. A metrics port on a network address without a
   * token is refused: JVM and pool figures, and how many kiosks have gone quiet, are not for anyone
   * on the LAN.
   */
  private java.util.Optional<String> metricsToken() {
    if (metricsTokenFile == null) {
      if (metricsPort != null && !isLoopback(metricsHost)) {
        throw new IllegalArgumentException("--metrics-host " + metricsHost
            + " is reachable from the network: give --metrics-token-file too, or keep the default 127.0.0.1");
      }
      return java.util.Optional.empty();
    }
    if (metricsPort == null) {
      throw new IllegalArgumentException("--metrics-token-file needs --metrics-port: metrics are never served on --port");
    }
    String token;
    try {
      token = java.nio.file.Files.readString(metricsTokenFile).strip();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read --metrics-token-file " + metricsTokenFile + ": " + e.getMessage());
    }
    if (token.length() < 16 || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("--metrics-token-file must hold one token of at least 16 printable ASCII "
          + "characters, e.g. from: head -c 24 /dev/urandom | base64");
    }
    return java.util.Optional.of(token);
  }

  private static boolean isLoopback(String address) {
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /**
   * Households changed while the hub was down (an import, a restored backup) are folded into the
   * report figures in the background, so the first report a staff member opens is fast.
   */
  private static Thread warmReports(HubApp hub) {
    Thread warm = new Thread(() -> {
      for (var commune : new vn.giadinhso.hub.dashboard.Communes(hub.db).all()) {
        try {
          hub.reportRollup.refresh(commune.id());
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(ServeCommand.class)
              .warn("could not prepare report figures for {}: {}", commune.id(), e.getMessage());
        }
      }
    }, "report-warm-up");
    warm.setDaemon(true);
    warm.start();
    return warm;
  }
}
