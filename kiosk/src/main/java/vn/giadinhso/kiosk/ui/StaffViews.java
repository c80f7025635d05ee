package vn.giadinhso.kiosk.ui;

import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.screen.AttendanceModel;
import vn.giadinhso.kiosk.screen.KioskHealth;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.StaffModel;

/** Staff mode: PIN pad, the staff menu with kiosk info, and attendance. */
final class StaffViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private StaffViews() {
    }

    static Node pin(KioskScreenModel model, Texts t) {
        PasswordField field = new PasswordField();
        field.setId("pin");
        field.setMaxWidth(400);
        field.setStyle("-fx-font-size: 36px; -fx-min-height: 90px;");
        GridPane pad = new GridPane();
        pad.setHgap(12);
        pad.setVgap(12);
        pad.setAlignment(Pos.CENTER);
        // Ids stay "pin-del" and "pin-OK"; the labels come from the bundles like every text.
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            Runnable action = switch (k) {
                case "⌫" -> () -> field.setText(field.getText().isEmpty() ? "" : field.getText().substring(0, field.getText().length() - 1));
                case "OK" -> () -> model.enterPin(field.getText());
                default -> () -> field.appendText(k);
            };
            String label = switch (k) {
                case "⌫" -> t.get("key.delete");
                case "OK" -> t.get("key.ok");
                default -> k;
            };
            var b = Widgets.button(label, null, "pin-" + (k.equals("⌫") ? "del" : k), action);
            b.getStyleClass().add("key");
            b.setMinSize(110, 80);
            pad.add(b, i % 3, i / 3);
        }
        field.setOnAction(e -> model.enterPin(field.getText()));
        // Side by side, so the pad fits a 1366×768 screen with the bars above and below.
        VBox side = new VBox(20, Widgets.title(t.get("staff.pinTitle")), field);
        model.staffPin().message().ifPresent(m -> {
            Label l = Widgets.body(t.get(m));
            l.setId("pin-message");
            l.getStyleClass().add("not-met");
            side.getChildren().add(l);
        });
        side.getChildren().add(Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "back", model::leaveStaff));
        side.setAlignment(Pos.CENTER_LEFT);
        side.setMaxWidth(600);
        HBox box = new HBox(48, pad, side);
        box.setAlignment(Pos.CENTER);
        box.setId("staff-pin");
        return box;
    }

    static Node menu(KioskScreenModel model, Texts t, Stage stage, KioskSession session, Runnable exit) {
        StaffModel staff = model.staff();
        KioskHealth health = staff.health();
        VBox today = new VBox(12);
        if (staff.todaysSessions().isEmpty()) {
            today.getChildren().add(Widgets.body(t.get("staff.noSessions")));
        }
        for (Session s : staff.todaysSessions()) {
            Button b = Widgets.data(Widgets.button(WHEN.format(s.startsAt().atZone(staff.zone())) + " — "
                    + s.topic(), MaterialDesignC.CLIPBOARD_CHECK, "session-" + s.id(), () -> model.startAttendance(s)));
            b.setWrapText(true); // a long topic wraps, never cut short with "…"
            today.getChildren().add(b);
        }
        // A day with several sessions (planned, and opened here) scrolls instead of pushing the
        // screen's top and bottom off a 1366×768 panel.
        ScrollPane list = new ScreenScrollPane(today);
        list.setFitToWidth(true);
        // As wide as its longest session, so no topic is cut short with "…".
        list.setMinWidth(Region.USE_PREF_SIZE);
        list.setId("staff-sessions");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox sessions = new VBox(12, Widgets.title(t.get("staff.attendance")), list,
                Widgets.button(t.get("staff.openSession"), MaterialDesignC.CALENDAR_PLUS, "open-session",
                        model::chooseSessionTopic));
        VBox.setVgrow(sessions, Priority.ALWAYS);
        VBox info = new VBox(8, Widgets.title(t.get("staff.info")),
                Widgets.body(t.get("staff.kiosk", health.kioskId())),
                Widgets.body(t.get("staff.hub", health.hub()) + " — " + t.get(health.online() ? "online" : "offline")),
                Widgets.body(t.get("reader") + ": " + t.get("reader." + health.connection().reader().name())
                        + " (" + health.readerSummary() + ")"),
                Widgets.body(t.get("staff.backlog", health.backlog())),
                Widgets.body(t.get("staff.lastSync", health.lastSync()
                        .map(i -> WHEN.format(i.atZone(staff.zone()))).orElse(t.get("staff.never")))),
                Widgets.body(t.get("staff.version", health.version())));
        if (health.quarantined() > 0) {
            Label l = Widgets.body(t.get("staff.quarantined", health.quarantined()));
            l.setId("staff-quarantined");
            l.getStyleClass().add("not-met");
            info.getChildren().add(5, l);
        }
        if (health.updateRequired()) {
            Label l = Widgets.body(t.get("staff.updateRequired", health.backlog()));
            l.setId("staff-update-required");
            l.getStyleClass().add("not-met");
            info.getChildren().add(1, l);
        }
        if (health.insecureHub()) {
            Label l = Widgets.body(t.get("staff.insecureHub"));
            l.setId("staff-insecure-hub");
            l.getStyleClass().add("not-met");
            info.getChildren().add(1, l);
        }
        info.setId("kiosk-info");
        // Leaving full screen sits under the kiosk's information, so that with "Mở buổi ngoài lịch"
        // the actions still fit 1366×768 without scrolling.
        // Under a kiosk compositor (cage) there is no desktop behind the window: the action that
        // means something there is a restart, which the session's unit carries out.
        info.getChildren().add(session.underCompositor()
                ? Widgets.button(t.get("staff.restart"), MaterialDesignR.RESTART, "restart-kiosk", () -> {
                    session.requestRestart();
                    exit.run();
                })
                : Widgets.button(t.get("staff.leaveFullScreen"), MaterialDesignF.FULLSCREEN_EXIT,
                "leave-fullscreen", () -> {
                    if (stage != null) {
                        stage.setFullScreen(false);
                    }
                }));
        VBox actions = new VBox(16, Widgets.title(t.get("staff.title")), sessions,
                Widgets.button(t.get("staff.leave"), MaterialDesignL.LOGOUT, "leave-staff", model::leaveStaff));
        // Two columns: everything fits a 1366×768 screen without scrolling.
        HBox box = new HBox(48, actions, info);
        HBox.setHgrow(info, Priority.ALWAYS);
        box.setId("staff");
        return box;
    }

    static Node attendance(KioskScreenModel model, Texts t) {
        AttendanceModel attendance = model.attendance();
        Session s = attendance.session().orElseThrow();
        Label count = Widgets.title(t.get("attendance.count", attendance.count()));
        count.setId("attendance-count");
        VBox box = new VBox(24, Widgets.data(Widgets.title(t.get("attendance.title", s.topic()))), Widgets.body(t.get("attendance.scan")), count);
        attendance.lastCheckIn().ifPresent(c -> {
            String who = c.name() != null ? c.name() : c.householdCode() != null ? c.householdCode() : t.get("attendance.person");
            Label l = Widgets.title(switch (c.outcome()) {
                case CHECKED_IN -> t.get("attendance.checkedIn", who);
                case ALREADY_CHECKED_IN -> t.get("attendance.already", who);
                case NOT_IDENTIFIED -> t.get("attendance.unknown");
            });
            l.setId("attendance-last");
            Widgets.data(l);
            l.getStyleClass().add(c.outcome() == CheckIn.Outcome.CHECKED_IN ? "met" : "declared");
            box.getChildren().add(l);
        });
        if (model.attendanceSessionClosable()) {
            box.getChildren().add(Widgets.button(t.get("attendance.close"), MaterialDesignC.CALENDAR_REMOVE,
                    "close-session", model::closeAttendanceSession));
        }
        box.getChildren().add(Widgets.button(t.get("done"), MaterialDesignA.ARROW_LEFT, "leave-attendance", model::leaveStaff));
        box.setAlignment(Pos.CENTER);
        box.setId("attendance");
        return box;
    }

    /** Staff choose the topic of an unscheduled session (issue 13): it starts now, for two hours. */
    static Node openSession(KioskScreenModel model, Texts t) {
        VBox box = new VBox(16, Widgets.title(t.get("openSession.title")), Widgets.body(t.get("openSession.hint")));
        int n = 0;
        for (String topic : model.staff().unscheduled().topics()) {
            box.getChildren().add(Widgets.data(Widgets.button(topic, MaterialDesignC.CLIPBOARD_CHECK, "topic-" + n++,
                    () -> model.openSession(topic))));
        }
        box.getChildren().add(Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "back-to-staff",
                model::backToStaffMenu));
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("open-session");
        return box;
    }
}
