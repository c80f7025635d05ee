package vn.giadinhso.hub;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.kiosk.EnrolmentRefused;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.hub.web.HubHttp;

/** A real hub on a temporary database, served on a free port, with a plain HTTP client. */
public final class TestHub implements AutoCloseable {
  public static final String POINT = "an-tuong-nvh";
  public static final String OTHER_COMMUNE_POINT = "kon-chieng-nvh";

  public final HubApp hub;
  public final Javalin http;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public TestHub(Path dir) {
    this(dir, Clock.systemUTC());
  }

  public TestHub(Path dir, Clock clock) {
    this(dir, clock, null);
  }

  /** @param publicUrl as {@code serve --public-url}; null for none */
  public TestHub(Path dir, Clock clock, URI publicUrl) {
    this(dir, clock, publicUrl, vn.giadinhso.hub.web.ClientAddress.none());
  }

  /** @param clientAddress as {@code serve --trusted-proxy} configures it */
  public TestHub(Path dir, Clock clock, URI publicUrl, vn.giadinhso.hub.web.ClientAddress clientAddress) {
    hub = TestDatabase.open(dir.resolve("hub.db"), clock);
    vn.giadinhso.hub.units.SampleUnits.load(hub.units, "test");
    hub.criteria.load(hub.criteriaJson.readResource("an-tuong-2026.json"));
    hub.criteria.load(hub.criteriaJson.readResource("kon-chieng-2025.json"));
    hub.schedule.savePoint(new SupportPoint(POINT, "an-tuong", "NVH thôn Tân Thành", "Nhà văn hóa thôn Tân Thành", 3));
    hub.schedule.savePoint(new SupportPoint(OTHER_COMMUNE_POINT, "kon-chieng", "NVH làng Đê Tar", "Nhà rông làng Đê Tar", 3));
    http = HubHttp.create(hub, "test", publicUrl, clientAddress).start("127.0.0.1", 0);
  }

  /** Imports an Ân Tường roster (docs/households-csv.md) the way import-households does; every row must be accepted. */
  public void importRoster(String csv) throws IOException {
    var report = new vn.giadinhso.hub.household.HouseholdCsvImporter(hub.households, hub.memberKeys, false)
        .run(hub.criteria.active("an-tuong").orElseThrow(), new java.io.StringReader(csv), n -> { });
    if (!report.rejections().isEmpty()) {
      throw new AssertionError("rows rejected: " + report.rejections());
    }
  }

  public Enrolment enrolDirectly(String point) {
    try {
      return hub.kiosks.enrol(hub.kiosks.newEnrolmentCode(point));
    } catch (EnrolmentRefused e) {
      throw new AssertionError(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }

  public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String path, String token, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
    return post(path, token, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    http.stop();
    hub.close();
  }
}
