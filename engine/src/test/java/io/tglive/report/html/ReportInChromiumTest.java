package io.tglive.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.state.UnitRecord;
import io.tglive.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Loads reports in a real headless Chromium (skipped where it is not installed): no console errors, every unit shown,
 * each unit's shown status the one of the run state, and the legend's filter works under the page's
 * Content-Security-Policy.
 */
class ReportInChromiumTest {

  @TempDir Path tmp;

  private HeadlessChromium chromium;

  @BeforeEach
  void chromium() throws Exception {
    chromium = HeadlessChromium.start(tmp.resolve("profile"));
  }

  @AfterEach
  void quit() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theReportOfARunShowsEveryUnitWithItsStatusAndLogsNoConsoleError() throws Exception {
    Path run = tmp.resolve("run");
    SortedMap<String, UnitRecord> units = SampleRun.write(run);
    chromium.open(RunReport.write(run));
    ChromeDriver browser = chromium.driver();

    assertThat(chromium.consoleProblems()).as("console errors and warnings").isEmpty();
    assertThat(browser.getTitle()).isEqualTo("tglive run 20261130-083000-abcdef0 \u2014 not ended");
    Map<String, String> expected = new HashMap<>();
    units.forEach((path, record) -> expected.put(path, record.status().label()));
    assertThat(chromium.shownStatuses("table")).as("table statuses").isEqualTo(expected);
    assertThat(chromium.shownStatuses("graph")).as("graph statuses").isEqualTo(expected);
    for (WebElement row : browser.findElements(By.cssSelector("#units tbody tr"))) {
      assertThat(row.findElement(By.cssSelector("td.unit .path")).getText()).isEqualTo(row.getDomAttribute("data-unit"));
    }
    assertThat(browser.findElements(By.cssSelector("#graph path.edge"))).hasSize(
        RunView.read(run).header().units().stream().mapToInt(u -> u.after().size()).sum());
    assertThat(browser.executeScript("return document.querySelectorAll('img, iframe, #units b, #units i').length"))
        .as("no markup injected by hostile names").isEqualTo(0L);

    WebElement failed = browser.findElement(By.cssSelector("#legend button[data-status=failed]"));
    failed.click();
    assertThat(browser.findElement(By.cssSelector("#units tr[data-status=failed]")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector("#units tr[data-status=applied]")).isDisplayed()).isTrue();
    failed.click();
    assertThat(browser.findElement(By.cssSelector("#units tr[data-status=failed]")).isDisplayed()).isTrue();

    WebElement log = browser.findElement(By.cssSelector("#units tr[data-status=failed] td.log a"));
    assertThat(Path.of(java.net.URI.create(log.getDomProperty("href")))).isRegularFile()
        .isEqualTo(run.resolve("logs").resolve(SampleRun.HOSTILE.replace("/", "__") + ".log"));
    assertThat(chromium.consoleProblems()).as("console errors after clicking").isEmpty();

    Path screenshot = Path.of("target", "report-screenshot.png");
    Files.createDirectories(screenshot.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theConsoleCheckSeesAnErrorAPageLogs() throws Exception {
    Path page = tmp.resolve("error.html");
    Files.writeString(page, "<!DOCTYPE html><title>x</title><script>console.error('broken on purpose')</script>");
    chromium.open(page);
    assertThat(chromium.consoleProblems()).anyMatch(entry -> entry.contains("broken on purpose"));
  }
}
