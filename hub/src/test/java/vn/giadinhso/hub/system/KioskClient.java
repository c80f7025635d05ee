package vn.giadinhso.hub.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A kiosk over real HTTP, enrolled at one hub process and talking to any of them. */
record KioskClient(String kioskId, String token) {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Enrols with a code from {@code enrol-code}, at this process. */
  static KioskClient enrol(HubProcess hub, String code) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(hub.uri("/api/v1/kiosks/enrol"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(), utf8());
    if (response.statusCode() != 201) {
      throw new AssertionError("enrolment at " + hub.name + ": " + response.statusCode() + " " + response.body());
    }
    JsonNode body = JSON.readTree(response.body());
    return new KioskClient(body.get("kioskId").asText(), body.get("token").asText());
  }

  /** Posts a batch; an IOException means no answer (the process died, the connection broke). */
  HttpResponse<String> post(HubProcess hub, Batch batch) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(hub.uri("/api/v1/kiosks/" + kioskId + "/events"))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8)).build(), utf8());
  }

  /** Posts a batch that must be answered 200; returns the answer's {accepted, duplicates}. */
  JsonNode postOk(HubProcess hub, Batch batch) throws IOException, InterruptedException {
    HttpResponse<String> response = post(hub, batch);
    if (response.statusCode() != 200) {
      throw new AssertionError(hub.name + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** One sync page from this process. */
  JsonNode sync(HubProcess hub, String cursor, int limit) throws IOException, InterruptedException {
    String query = "?limit=" + limit + (cursor == null ? "" : "&since=" + cursor);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(hub.uri("/api/v1/kiosks/" + kioskId + "/sync" + query))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).GET().build(), utf8());
    if (response.statusCode() != 200) {
      throw new AssertionError("sync from " + hub.name + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static HttpResponse.BodyHandler<String> utf8() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }
}
