package io.tglive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium driven through chromedriver (Debian packages {@code chromium} and {@code chromium-driver}),
 * offline, with a new empty profile and its console log kept. Tests call {@link #assumeInstalled()} first, so they
 * are skipped with a clear message where the browser is absent.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Selenium warns that it has no DevTools bindings for this Chromium; WebDriver alone is all tests use. */
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  private final ChromeDriver driver;

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Skips the calling test unless Chromium and chromedriver are installed. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        () -> "headless Chromium not installed: " + CHROMIUM + " and " + CHROMEDRIVER
            + " come from the Debian packages chromium and chromium-driver (.ci/run installs them)");
  }

  /** Starts Chromium with an empty profile in {@code profile}, no network services, console logging on. */
  public static HeadlessChromium start(Path profile) throws IOException {
    assumeInstalled();
    SELENIUM.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createDirectories(profile));
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new HeadlessChromium(new ChromeDriver(service, options));
  }

  /** The WebDriver. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Loads a local file. */
  public void open(Path file) {
    driver.get(file.toUri().toString());
  }

  /** Console entries of level warning or worse since the last call. */
  public List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  /**
   * The status each unit of a loaded run report shows, by unit, read from the rendered text of {@code where}
   * ({@code "table"}: the units table; {@code "graph"}: the SVG nodes); each unit must appear once and be displayed.
   */
  public Map<String, String> shownStatuses(String where) {
    Map<String, String> shown = new HashMap<>();
    boolean table = where.equals("table");
    for (WebElement element : driver.findElements(By.cssSelector(table ? "#units tbody tr" : "#graph g.node"))) {
      if (!element.isDisplayed()) {
        throw new AssertionError(where + ": " + element.getDomAttribute("data-unit") + " is not displayed");
      }
      String status = table ? element.findElement(By.cssSelector("td.status")).getText()
          : element.findElement(By.cssSelector("text.status")).getText().replace("destroy \u00b7 ", "");
      if (shown.put(element.getDomAttribute("data-unit"), status) != null) {
        throw new AssertionError(where + ": " + element.getDomAttribute("data-unit") + " appears twice");
      }
    }
    return shown;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
