package org.sundwerk.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromedriver} in
 * {@code /usr/bin}, German preferred, no background traffic of the browser's own, and a throwaway
 * profile that {@link #close} deletes.
 */
public final class HeadlessChromium implements AutoCloseable {

  private final Path profile;
  private final WebDriver driver;

  private HeadlessChromium(Path profile, WebDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /**
   * Starts a browser.
   *
   * @param extraArguments what a test needs besides the common switches, e.g. {@code
   *     --window-size=1280,900} or {@code --hide-scrollbars}
   */
  public static HeadlessChromium open(String... extraArguments) throws IOException {
    Path profile = Files.createTempDirectory("sundwerk-chromium");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run"));
    arguments.addAll(List.of(extraArguments));
    arguments.add("--user-data-dir=" + profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(arguments);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    return new HeadlessChromium(profile, new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException ignored) {
      // a leftover profile in the temp directory is harmless
    }
  }
}
