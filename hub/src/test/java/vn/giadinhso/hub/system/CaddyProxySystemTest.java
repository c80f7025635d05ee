package vn.giadinhso.hub.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.SystemTool;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.web.ClientAddress;

/**
 * HTTPS behind a reverse proxy as docs/deployment.md sets it up: a real Caddy (Debian's caddy 2.6)
 * with {@code tls internal} (its own local CA, as on a commune LAN; the test trusts that CA's root
 * certificate and checks the certificate names 127.0.0.1) in front of a hub started as {@code serve
 * --trusted-proxy 127.0.0.1}. Clients are told apart by their source address: the loopback network
 * is all of 127.0.0.0/8, so a socket bound to 127.0.0.2 is a browser on another machine as far as
 * Caddy and the hub can tell, while Caddy itself reaches the hub from 127.0.0.1.
 *
 * <p>What the hub believes a client's address is shows where it uses it: the enrolment throttle
 * counts wrong codes per address ({@code enrolment_throttle}), so a guesser behind the proxy is
 * slowed without slowing every kiosk behind it.
 */
class CaddyProxySystemTest {
  private static final InetAddress BROWSER = address("127.0.0.2");
  private static final InetAddress FORGER = address("127.0.0.3");
  private static final InetAddress FORGER_VIA_PROXY = address("127.0.0.4");

  @TempDir Path dir;
  private Process caddy;
  private TestHub hub;

  @AfterEach
  void stop() throws Exception {
    if (caddy != null) {
      caddy.destroy();
      if (!caddy.waitFor(20, TimeUnit.SECONDS)) {
        caddy.destroyForcibly();
      }
    }
    if (hub != null) {
      hub.http.stop();
      hub.hub.close();
    }
  }

  @Test
  void throughCaddyTheHubSeesTheBrowserAndDirectlyItBelievesNoForgedHeader() throws Exception {
    Path caddyBinary = SystemTool.require("caddy", "caddy", "for the reverse-proxy system test (docs/deployment.md, HTTPS)");
    hub = new TestHub(dir, Clock.systemUTC(), null, new ClientAddress(List.of("127.0.0.1")));
    int proxyPort = freePort();
    SSLContext tls = startCaddy(caddyBinary, proxyPort, hub.http.port());

    Response viaProxy = enrolWithAWrongCode(tls, BROWSER, proxyPort, null);
    assertEquals(401, viaProxy.status(), "the hub answered through Caddy: " + viaProxy);
    Response forgedViaProxy = enrolWithAWrongCode(tls, FORGER_VIA_PROXY, proxyPort, "203.0.113.7");
    assertEquals(401, forgedViaProxy.status(), forgedViaProxy.toString());
    Response direct = enrolWithAWrongCode(null, FORGER, hub.http.port(), "198.51.100.9");
    assertEquals(401, direct.status(), direct.toString());

    assertEquals(List.of("127.0.0.2", "127.0.0.3", "127.0.0.4"), addressesTheHubCounted(),
        "the browser behind Caddy by its own address, not Caddy's (127.0.0.1); a forged X-Forwarded-For "
            + "neither through Caddy (it writes the client it saw) nor straight to the hub (not a trusted proxy)");
  }

  private record Response(int status, String text) {}

  /** POST /api/v1/kiosks/enrol with a code that does not exist, from {@code from}, over TLS when {@code tls} is set. */
  private static Response enrolWithAWrongCode(SSLContext tls, InetAddress from, int port, String forwardedFor) throws IOException {
    String body = "{\"code\":\"AAAA-BBBB-CCCC\"}";
    String request = "POST /api/v1/kiosks/enrol HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
        + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
        + "Connection: close\r\n\r\n" + body;
    Socket plain = new Socket();
    plain.bind(new InetSocketAddress(from, 0));
    plain.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    plain.setSoTimeout(30_000);
    try (Socket socket = tls == null ? plain : handshake(tls, plain, port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      String statusLine = text.lines().findFirst().orElse("");
      return new Response(Integer.parseInt(statusLine.split(" ")[1]), text);
    }
  }

  private static Socket handshake(SSLContext tls, Socket plain, int port) throws IOException {
    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
    SSLParameters parameters = secure.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name 127.0.0.1
    secure.setSSLParameters(parameters);
    secure.startHandshake();
    return secure;
  }

  private List<String> addressesTheHubCounted() throws Exception {
    List<String> addresses = new ArrayList<>();
    try (Connection c = TestDatabase.connect(dir.resolve("hub.db"));
        ResultSet rows = c.createStatement().executeQuery("SELECT address FROM enrolment_throttle ORDER BY address")) {
      while (rows.next()) {
        addresses.add(rows.getString(1));
      }
    }
    return addresses;
  }

  /**
   * Caddy as docs/deployment.md configures it for a LAN ({@code tls internal}), on a free port, its
   * state in the test's folder; returns a TLS context that trusts Caddy's local CA and nothing else.
   */
  private SSLContext startCaddy(Path binary, int port, int hubPort) throws Exception {
    Path data = dir.resolve("caddy-data");
    Path caddyfile = Files.writeString(dir.resolve("Caddyfile"), """
        {
        	admin off
        	skip_install_trust
        	storage file_system %s
        	auto_https disable_redirects
        }
        https://127.0.0.1:%d {
        	tls internal
        	reverse_proxy 127.0.0.1:%d
        }
        """.formatted(data, port, hubPort));
    ProcessBuilder builder = new ProcessBuilder(binary.toString(), "run", "--config", caddyfile.toString(), "--adapter", "caddyfile")
        .redirectErrorStream(true).redirectOutput(dir.resolve("caddy.log").toFile());
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("XDG_DATA_HOME", dir.resolve("xdg").toString());
    builder.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    caddy = builder.start();
    Path root = data.resolve("pki/authorities/local/root.crt");
    Path served = data.resolve("certificates/local/127.0.0.1/127.0.0.1.crt");
    await("Caddy has its certificate and listens").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> !caddy.isAlive() || Files.exists(root) && Files.exists(served) && accepts(port));
    assertTrue(caddy.isAlive(), "caddy stopped: " + Files.readString(dir.resolve("caddy.log")));

    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(root)) {
      trusted.setCertificateEntry("caddy-local-root", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
