package vn.giadinhso.kiosk.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hub's {@code demo-data --cards} file (fictitious members) and makes the CCCD QR
 * payload each card would carry: {@code id||name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy}.
 */
public final class DemoCardsFile {

    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.ofPattern("ddMMyyyy");

    private DemoCardsFile() {
    }

    public static List<DemoCard> read(Path file, int max) throws IOException {
        List<DemoCard> cards = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(file.toFile())) {
            if (cards.size() >= max) {
                break;
            }
            LocalDate born = LocalDate.parse(c.path("dateOfBirth").asText());
            String payload = c.path("idNumber").asText() + "||" + c.path("fullName").asText() + "|"
                    + CARD_DATE.format(born) + "|" + (c.path("female").asBoolean() ? "Nữ" : "Nam")
                    + "|Địa chỉ mẫu, dữ liệu demo|" + CARD_DATE.format(LocalDate.of(2021, 4, 20));
            cards.add(new DemoCard(c.path("fullName").asText() + " (" + c.path("householdCode").asText() + ")", payload));
        }
        cards.add(new DemoCard("Lê Văn Khách", "demo.stranger",
                "052099099999||Lê Văn Khách|15031999|Nam|Địa chỉ mẫu|20042021"));
        cards.add(new DemoCard("", "demo.garbage", "GDS1|hỏng"));
        return cards;
    }
}
