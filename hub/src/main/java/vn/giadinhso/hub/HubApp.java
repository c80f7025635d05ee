package vn.giadinhso.hub;

import java.nio.file.Path;
import java.time.Clock;
import vn.giadinhso.hub.criteria.CriteriaSetJson;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.hub.criteria.SqliteCriteriaStore;
import vn.giadinhso.hub.household.HouseholdCards;
import vn.giadinhso.hub.household.HouseholdStore;
import vn.giadinhso.hub.household.SqliteHouseholdStore;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.identity.SecretsFingerprint;
import vn.giadinhso.hub.identity.MemberKeys;
import vn.giadinhso.hub.ingest.EventBatchReader;
import vn.giadinhso.hub.ingest.EventStore;
import vn.giadinhso.hub.ingest.IngestService;
import vn.giadinhso.hub.ingest.LessonPractice;
import vn.giadinhso.hub.ingest.SealedMembers;
import vn.giadinhso.hub.language.LanguagePackStore;
import vn.giadinhso.hub.language.SqlLanguagePackStore;
import vn.giadinhso.hub.lesson.LessonPackStore;
import vn.giadinhso.hub.lesson.SqliteLessonPackStore;
import vn.giadinhso.hub.ingest.SqliteEventStore;
import vn.giadinhso.hub.kiosk.KioskRegistry;
import vn.giadinhso.hub.kiosk.SqliteKioskRegistry;
import vn.giadinhso.hub.schedule.ScheduleStore;
import vn.giadinhso.hub.schedule.Schedules;
import vn.giadinhso.hub.schedule.SqliteScheduleStore;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.storage.Revisions;
import vn.giadinhso.hub.sync.SyncService;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.LoginThrottle;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.dashboard.Declarations;
import vn.giadinhso.hub.dashboard.SupportRequests;
import vn.giadinhso.hub.report.CommuneReports;
import vn.giadinhso.hub.report.ProvinceReports;
import vn.giadinhso.hub.report.ReportRollup;

/** The one place that wires the hub together, for the CLI and for tests alike. */
public final class HubApp implements AutoCloseable {
  public final Database db;
  public final HubSecrets secrets;
  public final MemberKeys memberKeys;
  public final Clock clock;
  public final CriteriaSetJson criteriaJson = new CriteriaSetJson();
  public final CriteriaStore criteria;
  public final HouseholdStore households;
  public final ScheduleStore schedule;
  public final KioskRegistry kiosks;
  public final EventStore events;
  public final LessonPackStore lessonPacks;
  public final LanguagePackStore languagePacks;
  public final IngestService ingest;
  public final SyncService sync;
  public final HouseholdCards cards;
  public final UserStore users;
  public final Schedules schedules;
  public final Declarations declarations;
  /** Each member's own progress (issue 15). */
  public final vn.giadinhso.hub.people.MemberProgressStore people;
  /** Residents' declarations about themselves from kiosks, for staff to verify (issue 15). */
  public final vn.giadinhso.hub.people.MemberDeclarationQueue memberDeclarations;
  public final vn.giadinhso.hub.people.PersonTargetStore personTargets;
  /** Reports counting people, and the list of members without VNeID level 2 (issue 15). */
  public final vn.giadinhso.hub.people.PeopleReports peopleReports;
  public final SupportRequests supportRequests;
  public final ReportRollup reportRollup;
  public final CommuneReports reports;
  public final ProvinceReports provinceReports;
  public final vn.giadinhso.hub.report.ProvinceBoards provinceBoards;
  public final StaffSessions staffSessions;
  public final LoginThrottle loginThrottle;
  public final AuditLog audit;
  public final vn.giadinhso.hub.units.Units units;
  public final vn.giadinhso.hub.auth.Authorization authorization;
  /** What {@code /metrics} shows (metrics port, docs/decisions/hub-023-metrics.md). */
  public final vn.giadinhso.hub.metrics.HubMetrics metrics;
  public final vn.giadinhso.hub.retention.Retention retention;
  /** Communes' own retention periods over the hub's defaults. */
  public final vn.giadinhso.hub.retention.CommuneRetention communeRetention;
  /** The register of community technology teams (issue 15, decision hub-027). */
  public final vn.giadinhso.hub.teams.TeamStore teams;
  /** Issue 15: what community technology team members record on their phones, and their roster. */
  public final vn.giadinhso.hub.field.FieldRecords fieldRecords;
  public final vn.giadinhso.hub.field.FieldRoster fieldRoster;
  public final vn.giadinhso.hub.field.FieldSessions fieldSessions;
  /** The daily retention job, once {@link #startRetention} started it (serve does). */
  private vn.giadinhso.hub.retention.RetentionJob retentionJob;

  private HubApp(Database db, HubSecrets secrets, Clock clock) {
    this.db = db;
    this.secrets = secrets;
    this.memberKeys = new MemberKeys(db, secrets);
    this.clock = clock;
    this.criteria = new SqliteCriteriaStore(db, criteriaJson, clock);
    this.households = new SqliteHouseholdStore(db, clock);
    this.schedule = new SqliteScheduleStore(db);
    this.kiosks = new SqliteKioskRegistry(db, clock);
    this.events = new SqliteEventStore(db);
    this.ingest = new IngestService(new EventBatchReader(), events, new LessonPractice(criteriaJson), kiosks, clock,
        new SealedMembers(memberKeys));
    this.lessonPacks = new SqliteLessonPackStore(db, clock);
    this.languagePacks = new SqlLanguagePackStore(db, clock);
    this.cards = new HouseholdCards(db, secrets, clock);
    this.sync = new SyncService(() -> Revisions.current(db), households, criteria, schedule, lessonPacks, cards,
        memberKeys, languagePacks);
    this.users = new UserStore(db, clock);
    this.schedules = new Schedules(schedule, clock);
    this.declarations = new Declarations(db, households, clock);
    this.people = new vn.giadinhso.hub.people.MemberProgressStore(db, criteriaJson, clock);
    this.memberDeclarations = new vn.giadinhso.hub.people.MemberDeclarationQueue(db, people, clock);
    this.personTargets = new vn.giadinhso.hub.people.PersonTargetStore(db, clock);
    this.peopleReports = new vn.giadinhso.hub.people.PeopleReports(db, personTargets, clock);
    this.supportRequests = new SupportRequests(db, clock);
    this.reportRollup = new ReportRollup(db, households, criteria);
    this.reports = new CommuneReports(db, reportRollup, criteria, schedules);
    this.provinceReports = new ProvinceReports(db, reportRollup, criteria);
    this.provinceBoards = new vn.giadinhso.hub.report.ProvinceBoards(db, provinceReports, clock);
    this.staffSessions = new StaffSessions(db, clock, users);
    this.loginThrottle = new LoginThrottle(db, clock);
    this.audit = new AuditLog(db, clock);
    this.units = new vn.giadinhso.hub.units.Units(db, clock);
    this.authorization = new vn.giadinhso.hub.auth.Authorization(units::provinceOf);
    this.metrics = new vn.giadinhso.hub.metrics.HubMetrics(db, clock);
    this.communeRetention = new vn.giadinhso.hub.retention.CommuneRetention(db, audit, clock);
    this.retention = new vn.giadinhso.hub.retention.Retention(db, audit, clock, communeRetention);
    this.teams = new vn.giadinhso.hub.teams.TeamStore(db, clock);
    // VNeID verified in the field is that member's person progress, in the batch's transaction.
    this.fieldRecords = new vn.giadinhso.hub.field.FieldRecords(db, clock, authorization, criteria,
        (tx, commune, hash, at, by) -> people.recordVneidLevel2(tx, commune, hash,
            vn.giadinhso.hub.people.VneidRecord.FIELD_VERIFIED, at, by));
    this.fieldRoster = new vn.giadinhso.hub.field.FieldRoster(db, households, criteria);
    this.fieldSessions = new vn.giadinhso.hub.field.FieldSessions(schedule, clock);
  }

  /** Starts the daily removal of personal data past its period (docs/privacy.md); stopped by close(). */
  public synchronized void startRetention(vn.giadinhso.hub.retention.RetentionPolicy policy, java.time.Duration firstRun) {
    if (retentionJob == null) {
      retentionJob = vn.giadinhso.hub.retention.RetentionJob.start(retention, policy, firstRun);
    }
  }

  /** Opens the database (migrating it) and the secrets file beside it, creating both at first start. */
  public static HubApp open(Path databaseFile, Clock clock) {
    return open(new DatabaseLocation.SqliteFile(databaseFile), HubSecrets.fileFor(databaseFile),
        Database.DEFAULT_POOL_SIZE, clock);
  }

  /**
   * Opens either kind of database (migrating it) and the given secrets file, creating the file at
   * first start.
   */
  public static HubApp open(DatabaseLocation location, Path secretsFile, int poolSize, Clock clock) {
    // The database first: it creates the data folder owner-only (0700) before the secrets go in.
    Database db = Database.open(location, poolSize);
    try {
      // Secrets that do not belong to this database would sign cards no kiosk accepts: refuse.
      SecretsFingerprint.refuseMissingFile(db, secretsFile);
      HubSecrets secrets = HubSecrets.loadOrCreate(secretsFile);
      SecretsFingerprint.checkOrRecord(db, secrets, secretsFile);
      return new HubApp(db, secrets, clock);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (retentionJob != null) {
        retentionJob.close();
      }
    }
    db.close();
    metrics.close();
  }
}
