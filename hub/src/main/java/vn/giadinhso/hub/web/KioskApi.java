package vn.giadinhso.hub.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.identity.MemberKeys;
import vn.giadinhso.hub.ingest.BatchRejected;
import vn.giadinhso.hub.ingest.EventBatchReader;
import vn.giadinhso.hub.ingest.IngestResult;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.kiosk.EnrolmentRefused;
import vn.giadinhso.hub.kiosk.EnrolmentThrottle;
import vn.giadinhso.hub.ingest.UnsafeCharacters;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.hub.kiosk.KioskReport;
import vn.giadinhso.hub.sync.SyncService;

/** The routes kiosks call: enrol, post events, sync. Thin: all rules live in the services. */
final class KioskApi {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KioskApi.class);
  private final HubApp hub;
  private final Responses responses;
  // A repeated key is refused, as in event batches (EventBatchReader).
  private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final EnrolmentThrottle guesses;
  private final ClientAddress clientAddress;
  private final KioskProtocolCheck protocol;

  KioskApi(HubApp hub, Responses responses, ClientAddress clientAddress, KioskProtocolCheck protocol) {
    this.hub = hub;
    this.protocol = protocol;
    this.responses = responses;
    this.clientAddress = clientAddress;
    this.guesses = new EnrolmentThrottle(hub.db, hub.clock);
  }

  void enrol(Context ctx) {
    // Before the code is looked at: a kiosk too old to be served must not use up its code.
    protocol.check(ctx);
    // The peer's address, or behind a configured trusted proxy the client it names (as for logins).
    String address = clientAddress.of(ctx);
    guesses.attempt(address).ifPresent(wait -> {
      long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
      ctx.header("Retry-After", Long.toString(seconds));
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, "too many wrong enrolment codes from this address; "
          + "try again in " + ((seconds + 59) / 60) + " minute(s)");
    });
    JsonNode body;
    try {
      body = json.readTree(readLimited(ctx, 4096));
    } catch (IOException e) {
      throw new ApiError(HttpStatus.BAD_REQUEST, "body must be JSON: {\"code\":\"XXXX-XXXX-XXXX\"}"
          + (e.getMessage() != null && e.getMessage().startsWith("Duplicate field") ? "; a key appears twice" : ""));
    }
    if (body == null || !body.path("code").isTextual()) {
      throw new ApiError(HttpStatus.BAD_REQUEST, "field \"code\": missing; send {\"code\":\"XXXX-XXXX-XXXX\"}");
    }
    String code = body.get("code").asText();
    if (UnsafeCharacters.in(code)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, "field \"code\": may not hold control characters");
    }
    Enrolment enrolment;
    try {
      enrolment = hub.kiosks.enrol(code);
    } catch (EnrolmentRefused refused) {
      HttpStatus status = refused.reason() == EnrolmentRefused.Reason.ALREADY_USED
          ? HttpStatus.CONFLICT : HttpStatus.UNAUTHORIZED;
      throw new ApiError(status, refused.getMessage());
    }
    guesses.succeeded(address);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kioskId", enrolment.kioskId());
    out.put("token", enrolment.token());
    // hubPublicKey: the first key, which signed the GDS1 cards kiosks of before key ids can read.
    out.put("hubPublicKey", hub.secrets.signing().firstKey().publicKeyText());
    out.put("hubPublicKeys", hub.cards.publicKeys());
    // The key chain (to tag a scanned card) and the key to seal member hashes to; no hash key is
    // useful on a stolen kiosk without the roster, which holds only 14-bit tags (docs/member-ids.md).
    out.put("memberKeys", MemberKeys.forKiosk(hub.memberKeys.chain(enrolment.communeId())));
    out.put("hubSealingKey", hub.memberKeys.sealingKeyText());
    out.put("supportPointId", enrolment.supportPointId());
    out.put("communeId", enrolment.communeId());
    responses.send(ctx, HttpStatus.CREATED, out);
  }

  void events(Context ctx) {
    Kiosk kiosk = identify(ctx);
    KioskReport report = report(ctx);
    refuseIfTooOld(ctx, kiosk, report);
    IngestResult counts;
    try {
      // A stored batch records the visit in its own transaction (one wait for the writer, not two).
      counts = hub.ingest.ingest(kiosk, report, readLimited(ctx, EventBatchReader.MAX_BYTES));
    } catch (ApiError | BatchRejected refused) {
      // Nothing stored, but the kiosk was here.
      hub.kiosks.touch(kiosk.id(), report);
      // One line per refused batch for the operator, by kiosk id; the reason names event and field,
      // never a value, and is redacted all the same (no citizen ID number in a log line).
      LOG.info("kiosk {}: batch refused: {}", kiosk.id(),
          vn.giadinhso.protocol.IdNumberText.redact(String.valueOf(refused.getMessage())));
      if (refused instanceof BatchRejected rejected) {
        throw new ApiError(rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
            rejected.getMessage());
      }
      throw (ApiError) refused;
    }
    hub.metrics.ingest().batch(counts);
    responses.ok(ctx, counts);
  }

  void sync(Context ctx) {
    Kiosk kiosk = authenticate(ctx);
    int limit = SyncService.DEFAULT_PAGE;
    String limitParam = ctx.queryParam("limit");
    if (limitParam != null) {
      try {
        limit = Math.max(1, Math.min(SyncService.DEFAULT_PAGE, Integer.parseInt(limitParam)));
      } catch (NumberFormatException e) {
        throw new ApiError(HttpStatus.BAD_REQUEST, "limit must be a number");
      }
    }
    try {
      responses.ok(ctx, hub.sync.page(kiosk, ctx.queryParam("since"), limit));
    } catch (IllegalArgumentException badCursor) {
      throw new ApiError(HttpStatus.BAD_REQUEST, badCursor.getMessage());
    }
  }

  /** A lesson pack's zip, for a kiosk that saw it in sync. Immutable per version, so cacheable. */
  void lessonPack(Context ctx) {
    authenticate(ctx);
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw new ApiError(HttpStatus.BAD_REQUEST, "version must be a number");
    }
    String id = ctx.pathParam("packId");
    byte[] zip = hub.lessonPacks.content(id, version).orElseThrow(() ->
        new ApiError(HttpStatus.NOT_FOUND, "no lesson pack " + id + " version " + version));
    ctx.status(HttpStatus.OK).contentType("application/zip")
        .header("Cache-Control", "private, max-age=31536000, immutable")
        .result(zip);
  }

  /** A language pack's zip, for a kiosk that saw it in sync. Immutable per version, so cacheable. */
  void languagePack(Context ctx) {
    authenticate(ctx);
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw new ApiError(HttpStatus.BAD_REQUEST, "version must be a number");
    }
    String code = ctx.pathParam("code");
    byte[] zip = hub.languagePacks.content(code, version).orElseThrow(() ->
        new ApiError(HttpStatus.NOT_FOUND, "no language pack " + code + " version " + version));
    ctx.status(HttpStatus.OK).contentType("application/zip")
        .header("Cache-Control", "private, max-age=31536000, immutable")
        .result(zip);
  }

  /** Checks the bearer token and that the path names the token's own kiosk; records the visit. */
  private Kiosk authenticate(Context ctx) {
    Kiosk kiosk = identify(ctx);
    KioskReport report = report(ctx);
    refuseIfTooOld(ctx, kiosk, report);
    hub.kiosks.touch(kiosk.id(), report);
    return kiosk;
  }

  /**
   * A kiosk too old to serve is still recorded as seen, with the version it reports, so the
   * dashboard's kiosk list shows which kiosks wait for an update; then it is refused.
   */
  private void refuseIfTooOld(Context ctx, Kiosk kiosk, KioskReport report) {
    try {
      protocol.check(ctx);
    } catch (KioskProtocolCheck.TooOld e) {
      hub.kiosks.touch(kiosk.id(), report);
      LOG.info("kiosk {} (version {}): refused, its protocol is older than this hub serves", kiosk.id(),
          report.version());
      throw e;
    }
  }

  /** Checks the bearer token and that the path names the token's own kiosk. */
  private Kiosk identify(Context ctx) {
    if (UnsafeCharacters.in(ctx.pathParam("kioskId"))) {
      throw new ApiError(HttpStatus.BAD_REQUEST, "the kiosk id in the path may not hold control characters");
    }
    String header = ctx.header("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    Kiosk kiosk = hub.kiosks.authenticate(token).orElseThrow(() ->
        new ApiError(HttpStatus.UNAUTHORIZED, "missing, unknown or revoked kiosk token; enrol the kiosk again"));
    if (!kiosk.id().equals(ctx.pathParam("kioskId"))) {
      throw new ApiError(HttpStatus.FORBIDDEN, "this token belongs to another kiosk");
    }
    return kiosk;
  }

  private static KioskReport report(Context ctx) {
    Integer backlog = null;
    String backlogHeader = ctx.header("X-Kiosk-Backlog");
    if (backlogHeader != null) {
      try {
        backlog = Integer.valueOf(backlogHeader.strip());
      } catch (NumberFormatException ignored) {
        // A kiosk's self-report is informative only; a garbled one is not worth refusing its data.
      }
    }
    return new KioskReport(clip(ctx.header("X-Kiosk-Version")), backlog, clip(ctx.header("X-Kiosk-Reader")));
  }

  /** At most 100 characters, unsafe characters dropped: it is stored and shown on the dashboard. */
  private static String clip(String header) {
    if (header == null) {
      return null;
    }
    String clipped = header.length() <= 100 ? header : header.substring(0, 100);
    return UnsafeCharacters.removedFrom(clipped);
  }


  /** Reads at most {@code limit} bytes; anything larger is refused with 413 before it fills memory. */
  private static byte[] readLimited(Context ctx, int limit) {
    try (InputStream in = ctx.bodyInputStream()) {
      if (ctx.req().getContentLengthLong() > limit) {
        throw tooLarge(in, limit);
      }
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw tooLarge(in, limit);
      }
      return bytes;
    } catch (IOException e) {
      throw new ApiError(HttpStatus.BAD_REQUEST, "the request body could not be read: " + e.getMessage());
    }
  }

  /**
   * The 413, after reading and dropping the rest of a body up to a few times the limit: a client
   * (a kiosk's HTTP library) still sending when the hub answers and closes gets a broken pipe
   * instead of the answer, and would retry the same batch forever without knowing why. A body
   * larger than that is cut off.
   */
  private static ApiError tooLarge(InputStream in, int limit) throws IOException {
    long toDrop = 4L * limit;
    while (toDrop > 0) {
      long skipped = in.skip(toDrop);
      if (skipped <= 0) {
        if (in.read() < 0) {
          break;
        }
        skipped = 1;
      }
      toDrop -= skipped;
    }
    return tooLarge(limit);
  }

  private static ApiError tooLarge(int limit) {
    return new ApiError(HttpStatus.CONTENT_TOO_LARGE, limit >= 1024 * 1024
        ? "a batch may be at most 1 MiB; send fewer events per batch"
        : "request body too large");
  }
}
