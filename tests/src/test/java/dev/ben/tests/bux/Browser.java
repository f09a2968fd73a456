package dev.ben.tests.bux;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver (both paths named, so Selenium
 * Manager never looks for a browser on the network), pointed at one node's gateway. Waits are
 * explicit conditions; screenshots and page sources go to {@code target/bux-screenshots/}.
 */
final class Browser implements AutoCloseable {

  /** The bux views in nav order; key {@code n} opens the n-th. */
  static final List<String> VIEWS =
      List.of(
          "overview",
          "tail",
          "decisions",
          "contracts",
          "testbench",
          "search",
          "analytics",
          "cluster");

  static final Dimension WIDE = new Dimension(1400, 900);
  static final Dimension NARROW = new Dimension(420, 860);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SHOTS = Path.of("target", "bux-screenshots");

  private final WebDriver driver;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A headless chromium at 1,400 px whose pages are under {@code base} (http://host:port). */
  static Browser start(String base) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(path("BEN_TEST_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--window-size=" + WIDE.getWidth() + "," + WIDE.getHeight());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(path("BEN_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), base);
  }

  private static String path(String variable, String fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value;
  }

  WebDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** The element whose {@code data-testid} is {@code id}, once it is there. */
  WebElement testId(String id) {
    return until("[data-testid=" + id + "] to be present", d -> first(By.cssSelector(sel(id))));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  static String sel(String testId) {
    return "[data-testid=\"" + testId + "\"]";
  }

  /**
   * Waits until {@code condition} answers non-null and not false, failing with {@code what}. An
   * element the page drew again while the condition read it is another try, not a failure.
   */
  <T> T until(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> "waited " + WAIT.toSeconds() + " s for " + what)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  private WebElement first(By by) {
    List<WebElement> found = driver.findElements(by);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Logs in with the form, as a person would. */
  void logIn(String user, String password) {
    open("/");
    WebElement name = until("the login form", d -> visible(sel("login-user")));
    name.clear();
    name.sendKeys(user);
    testId("login-password").sendKeys(password);
    testId("login-submit").click();
  }

  /** The element matching {@code css} if it is displayed, else null (for waits). */
  WebElement visible(String css) {
    WebElement found = first(By.cssSelector(css));
    return found != null && found.isDisplayed() ? found : null;
  }

  /** Opens a view by its key, as the keyboard shortcut does, and waits until it shows. */
  WebElement view(String name) {
    String key = Integer.toString(VIEWS.indexOf(name) + 1);
    // The shortcut is ignored while a field has the focus, as it is for a person typing.
    ((JavascriptExecutor) driver).executeScript("document.activeElement?.blur();");
    new Actions(driver).sendKeys(key).perform();
    return until("the " + name + " view", d -> visible(sel("view-" + name)));
  }

  /** Sets a field's value as a paste would (typing long NDJSON key by key is slow). */
  void paste(WebElement field, String text) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            field,
            text);
  }

  /** Every view at 1,400 and at 420 px, each as a screenshot and its page source. */
  void saveEveryView(String test) {
    for (Dimension size : List.of(WIDE, NARROW)) {
      driver.manage().window().setSize(size);
      for (String view : VIEWS) {
        driver.navigate().to(base + "/#" + view);
        until("the " + view + " view", d -> visible(sel("view-" + view)));
        save(test + "-" + view + "-" + size.getWidth());
      }
    }
    driver.manage().window().setSize(WIDE);
  }

  /** The page as it is now, under {@code name}.png and {@code name}.html. */
  void save(String name) {
    try {
      Files.createDirectories(SHOTS);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SHOTS.resolve(name + ".png"), png);
      Files.writeString(
          SHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
