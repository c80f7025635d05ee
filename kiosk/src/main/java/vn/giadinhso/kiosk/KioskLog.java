package vn.giadinhso.kiosk;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's own log file, {@code <data>/logs/kiosk.log}: what a support person needs to tell
 * why a kiosk is not syncing or not reading cards (sync results, hub errors, reader state, lesson
 * packs). One file a day, kept {@value #DAYS_KEPT} days and at most 50 MB, so a kiosk that runs
 * for years never fills its disk.
 *
 * <p>Never personal data: nothing scanned (ID numbers, names, QR payloads) is ever logged; the
 * classes that handle scans do not log, and {@code KioskLogTest} checks a scan leaves no trace.
 */
public final class KioskLog implements AutoCloseable {
    public static final int DAYS_KEPT = 14;
    private static final String APPENDER = "kiosk-file";

    private final RollingFileAppender<ILoggingEvent> appender;

    private KioskLog(RollingFileAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("logs").resolve("kiosk.log");
    }

    /** From now on this process's log lines also go to the data dir's log file, until closed. */
    public static KioskLog writeTo(Path dataDir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS XXX} %-5level [%thread] %logger{20} - %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file(dataDir).toString());
        TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
        daily.setContext(context);
        daily.setParent(appender);
        daily.setFileNamePattern(dataDir.resolve("logs").resolve("kiosk.%d{yyyy-MM-dd}.log").toString());
        daily.setMaxHistory(DAYS_KEPT);
        daily.setTotalSizeCap(FileSize.valueOf("50MB"));
        daily.start();
        appender.setRollingPolicy(daily);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new KioskLog(appender);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }
}
