package io.tglive.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tglive.run.state.UnitRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Loads reports in a real headless Chromium through chromedriver (Debian {@code chromium} and {@code chromium-driver};
 * skipped where they are not installed): no console errors, every unit shown, each unit's shown status the one of the
 * run state, and the legend's filter works under the page's Content-Security-Policy.
 */
class ReportInChromiumTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Selenium warns that it has no DevTools bindings for this Chromium; WebDriver alone is all these tests use. */
  private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  @TempDir Path tmp;

  private ChromeDriver browser;

  @BeforeEach
  void chromium() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        () -> "headless Chromium not installed: " + CHROMIUM + " and " + CHROMEDRIVER
            + " come from the Debian packages chromium and chromium-driver (.ci/run installs them)");
    SELENIUM.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theReportOfARunShowsEveryUnitWithItsStatusAndLogsNoConsoleError() throws Exception {
    Path run = tmp.resolve("run");
    SortedMap<String, UnitRecord> units = SampleRun.write(run);
    Path report = RunReport.write(run);

    browser.get(report.toUri().toString());

    assertThat(problems()).as("console errors and warnings").isEmpty();
    assertThat(browser.getTitle()).isEqualTo("tglive run 20261130-083000-abcdef0 \u2014 not ended");
    Map<String, String> rows = new HashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#units tbody tr"))) {
      assertThat(row.isDisplayed()).isTrue();
      String status = row.findElement(By.cssSelector("td.status")).getText();
      assertThat(rows.put(row.getDomAttribute("data-unit"), status)).as("one row per unit").isNull();
      assertThat(row.findElement(By.cssSelector("td.unit .path")).getText()).isEqualTo(row.getDomAttribute("data-unit"));
    }
    Map<String, String> nodes = new HashMap<>();
    for (WebElement node : browser.findElements(By.cssSelector("#graph g.node"))) {
      assertThat(node.isDisplayed()).isTrue();
      assertThat(nodes.put(node.getDomAttribute("data-unit"), node.findElement(By.cssSelector("text.status"))
          .getText().replace("destroy \u00b7 ", ""))).as("one node per unit").isNull();
    }
    Map<String, String> expected = new HashMap<>();
    units.forEach((path, record) -> expected.put(path, record.status().label()));
    assertThat(rows).as("table statuses").isEqualTo(expected);
    assertThat(nodes).as("graph statuses").isEqualTo(expected);
    assertThat(browser.findElements(By.cssSelector("#graph path.edge"))).hasSize(
        RunView.read(run).header().units().stream().mapToInt(u -> u.after().size()).sum());
    assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('img, iframe').length"))
        .as("no markup injected by hostile names").isEqualTo(0L);

    WebElement failed = browser.findElement(By.cssSelector("#legend button[data-status=failed]"));
    failed.click();
    assertThat(browser.findElement(By.cssSelector("#units tr[data-status=failed]")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector("#units tr[data-status=applied]")).isDisplayed()).isTrue();
    failed.click();
    assertThat(browser.findElement(By.cssSelector("#units tr[data-status=failed]")).isDisplayed()).isTrue();

    Path link = run.resolve(browser.findElement(By.cssSelector("#units tr[data-status=failed] td.log a"))
        .getDomAttribute("href"));
    assertThat(browser.findElement(By.cssSelector("#units tr[data-status=failed] td.log a")).getDomProperty("href"))
        .isEqualTo(run.resolve("logs").toUri() + link.getFileName().toString());
    assertThat(problems()).as("console errors after clicking").isEmpty();

    Path screenshot = Path.of("target", "report-screenshot.png");
    Files.createDirectories(screenshot.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theConsoleCheckSeesAnErrorAPageLogs() throws Exception {
    Path page = tmp.resolve("error.html");
    Files.writeString(page, "<!DOCTYPE html><title>x</title><script>console.error('broken on purpose')</script>");
    browser.get(page.toUri().toString());
    assertThat(problems()).anyMatch(entry -> entry.contains("broken on purpose"));
  }

  /** Console entries of level warning or worse since the last call. */
  private List<String> problems() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }
}
