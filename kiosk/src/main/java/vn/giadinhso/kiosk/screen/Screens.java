package vn.giadinhso.kiosk.screen;

/** The per-screen models the navigator moves between. */
public record Screens(WelcomeModel welcome, StatusModel status, PracticeModel practice, LessonModel lesson,
        SupportModel support, StaffPinModel staffPin, StaffModel staff, AttendanceModel attendance,
        MemberQuestionModel member) {
}
