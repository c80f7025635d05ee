package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.giadinhso.hub.TestHub;

/**
 * One real headless Chromium for the dashboard's browser tests, pointed at a {@link TestHub}.
 * {@link #startOrSkip} skips the calling test class (with the reason) when chromium or
 * chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1, where it fails instead.
 */
public final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final String base;

  private HeadlessChromium(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** Call from {@code @BeforeAll} before building anything the browser needs. */
  public static void assumePresent() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!"1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
      Assumptions.assumeTrue(present,
          "browser tests skipped: install chromium and chromium-driver (apt) or set REQUIRE_SYSTEM_TESTS=1 to fail instead");
    }
    assertTrue(present, "REQUIRE_SYSTEM_TESTS=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
  }

  /** A browser on {@code hub}, its window 1280×900 unless {@link #resize}d. */
  public static HeadlessChromium startOrSkip(TestHub hub) {
    return startOrSkip(hub, new String[0]);
  }

  /** As above, with more Chromium arguments (e.g. the field app's fake camera). */
  public static HeadlessChromium startOrSkip(TestHub hub, String... extraArguments) {
    assumePresent();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-extensions", "--disable-component-update",
        "--disable-default-apps", "--no-first-run", "--lang=vi", "--window-size=1280,900");
    options.addArguments(extraArguments);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    // "localhost" is a secure context for Chromium, so it keeps our Secure cookies over plain HTTP.
    return new HeadlessChromium(driver, "http://localhost:" + hub.http.port());
  }

  public WebDriver driver() {
    return driver;
  }

  /** The hub's address as the browser reaches it, e.g. for {@code base() + "/dashboard"}. */
  public String base() {
    return base;
  }

  /** Opens a path on the hub and waits for it to load. */
  public void open(String path) {
    driver.get(base + path);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Signs in through the login form, as a person would. */
  public void signIn(String username, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    follow(driver.findElement(By.id("login-submit")));
  }

  /** Signs out as a person would: opens the account menu in the header, then its sign-out button. */
  public void signOut() {
    find("header .account-menu summary").click();
    follow(find("header .logout button"));
  }

  /**
   * Clicks a link or a form's button and waits until the next page has loaded: reading right
   * after a click may otherwise find the old page's elements, which go stale under the test's
   * hands. The old page is marked with a window property that a new document does not have;
   * while the browser is between documents, a script call may fail, which only means "not yet".
   */
  public void follow(WebElement element) {
    script("window.gdsBeforeSubmit = true;");
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return window.gdsBeforeSubmit === undefined && document.readyState === 'complete';")));
  }

  /** Sets the window's size (e.g. 360 wide for a phone); the page's layout follows. */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  public Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  /** For {@code @AfterAll}: closes the browser and then the hub, whichever of them was started. */
  public static void close(HeadlessChromium chromium, TestHub hub) {
    if (chromium != null) {
      chromium.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
