package vn.giadinhso.hub.demo;

import java.util.Random;

/** Names for generated demo residents: Kinh names, and Bahnar names as written in Gia Lai. */
enum NamePool {
  KINH(
      new String[] {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"},
      new String[] {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành"},
      new String[] {"Thị", "Ngọc", "Thu", "Thanh", "Kim"},
      new String[] {"An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quang", "Sơn", "Tài", "Tuấn", "Việt"},
      new String[] {"Anh", "Chi", "Dung", "Hà", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Oanh", "Phượng", "Thảo", "Yến"}),
  BAHNAR(
      new String[] {"Đinh", "Đinh", "Đinh", "Hiu", "Rơ Châm", "Siu"},
      new String[] {"Văn"},
      new String[] {"Thị"},
      new String[] {"Blơng", "Hlinh", "Plưh", "Thướt", "Kuin", "Bưng", "Tơ", "Hyưk", "Jơng", "Bhum"},
      new String[] {"Hlen", "H'Bia", "Yă", "Đeh", "Blưh", "Hơ", "Nhiêu", "Mlơ", "Jui", "Byơr"});

  private final String[] surnames;
  private final String[] maleMiddle;
  private final String[] femaleMiddle;
  private final String[] maleGiven;
  private final String[] femaleGiven;

  NamePool(String[] surnames, String[] maleMiddle, String[] femaleMiddle, String[] maleGiven, String[] femaleGiven) {
    this.surnames = surnames;
    this.maleMiddle = maleMiddle;
    this.femaleMiddle = femaleMiddle;
    this.maleGiven = maleGiven;
    this.femaleGiven = femaleGiven;
  }

  String surname(Random random) {
    return pick(random, surnames);
  }

  String fullName(Random random, String surname, boolean female) {
    return surname + " " + pick(random, female ? femaleMiddle : maleMiddle) + " "
        + pick(random, female ? femaleGiven : maleGiven);
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
