package vn.giadinhso.hub.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.giadinhso.hub.TestHub;

/** A browser stand-in over real HTTP: keeps cookies, finds the CSRF token in forms, never follows redirects. */
public final class StaffClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final java.util.function.Function<String, java.net.URI> uri;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public StaffClient(TestHub hub) {
    this(hub::uri);
  }

  /** For a hub served some other way than {@link TestHub} (e.g. on a database a test brought along). */
  public StaffClient(java.util.function.Function<String, java.net.URI> uri) {
    this.uri = uri;
  }

  /** Signs in through the login form; fails the test if that does not work. */
  public static StaffClient signedIn(TestHub hub, String username, String password) throws Exception {
    StaffClient client = new StaffClient(hub);
    HttpResponse<String> response = client.login(username, password);
    if (response.statusCode() != 303) {
      throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
    }
    client.get("/dashboard/account"); // picks up the session's CSRF token from the page's forms (every account may open it)
    return client;
  }

  public HttpResponse<String> login(String username, String password) throws Exception {
    get("/login");
    return postForm("/login", Map.of("username", username, "password", password));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return remember(client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return response;
  }

  /** Posts a form with the page's CSRF token added. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, all);
  }

  /** Posts a form whose fields may repeat (checkboxes), with the page's CSRF token added. */
  public HttpResponse<String> postFormPairs(String path, java.util.List<Map.Entry<String, String>> fields)
      throws IOException, InterruptedException {
    java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    if (csrf != null) {
      all.add(Map.entry("_csrf", csrf));
    }
    String body = all.stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return remember(client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  /** Posts exactly these fields: no CSRF token unless given. */
  public HttpResponse<String> postRaw(String path, Map<String, String> fields) throws IOException, InterruptedException {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return remember(client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  /** Posts a multipart form (a file upload) with the page's CSRF token added. */
  public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String fileName,
      byte[] content) throws IOException, InterruptedException {
    String boundary = "gds-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.putIfAbsent("_csrf", csrf);
    }
    for (var field : all.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return remember(client.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  /** A POST of raw bytes with this content type (e.g. the field app's JSON), cookies and extra headers as set. */
  public HttpResponse<String> postBytes(String path, String contentType, byte[] body, Map<String, String> extraHeaders)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    extraHeaders.forEach(builder::header);
    return remember(client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  /** Sends this header with every further request (e.g. X-Forwarded-For, as a proxy would). */
  public StaffClient withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public String csrf() {
    return csrf;
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri.apply(path));
    headers.forEach(builder::header);
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    return builder;
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    Matcher m = CSRF.matcher(response.body() == null ? "" : response.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return response;
  }
}
