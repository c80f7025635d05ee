package vn.giadinhso.hub.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import vn.giadinhso.hub.TestHub;

/**
 * A file upload as a browser sends it (multipart/form-data with the form's CSRF token), in the
 * session of a signed-in {@link StaffClient}. Never follows redirects, like StaffClient.
 */
final class MultipartUpload {
  private MultipartUpload() {}

  static HttpResponse<String> post(TestHub hub, StaffClient staff, String path, String fileName, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "----gds" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + staff.csrf() + "\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.write(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    StringBuilder cookies = new StringBuilder(DashboardAccess.COOKIE + "=" + staff.cookie(DashboardAccess.COOKIE));
    if (staff.cookie(Pages.LANGUAGE_COOKIE) != null) {
      cookies.append("; ").append(Pages.LANGUAGE_COOKIE).append('=').append(staff.cookie(Pages.LANGUAGE_COOKIE));
    }
    HttpRequest request = HttpRequest.newBuilder(hub.uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Cookie", cookies.toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
        .build().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
