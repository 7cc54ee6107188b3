package dev.cosbot.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which the
 * project's test command installs) driven through Selenium, with a fresh profile each time.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;
  private final String base;

  Browser(String base) throws Exception {
    if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
      throw new IllegalStateException(
          "The browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + DRIVER
              + "). Run ./test, which installs them, or: apt-get install -y chromium chromium-driver");
    }
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    profile = Files.createTempDirectory("cosbot-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  void open(String path) {
    driver.get(base + path);
  }

  String heading() {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")))
        .getText();
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The labels of the page menu. */
  List<String> menu() {
    return driver.findElements(By.cssSelector("header nav a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Clicks a button or link and waits for the page it leads to. */
  void click(String buttonText) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver
        .findElement(
            By.xpath(
                "//button[normalize-space()='"
                    + buttonText
                    + "'] | //a[normalize-space()='"
                    + buttonText
                    + "']"))
        .click();
    // The old page is gone once asking about its root fails: Chromium says so either as a stale
    // element or, mid-navigation, as "node does not belong to the document".
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            d -> {
              try {
                page.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
              }
            });
  }

  /** Saves the whole page (not just the window) as target/dashboard-screenshots/{name}.png. */
  void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    long height =
        ((Number)
                driver.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"))
            .longValue();
    driver
        .manage()
        .window()
        .setSize(new Dimension(1280, (int) Math.min(Math.max(height + 40, 700), 4000)));
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  @Override
  public void close() throws Exception {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
