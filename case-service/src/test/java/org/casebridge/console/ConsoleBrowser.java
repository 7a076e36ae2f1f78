package org.casebridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for console tests: a fresh profile
 * per browser, screenshots into {@code target/console-screenshots/<test>/}, the browser's console log, and the
 * basic accessibility checks every console page must pass.
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("casebridge.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("casebridge.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final Set<String> checkedPages = new HashSet<>();
    private int shots;
    private static volatile ConsoleBrowser current;

    private ConsoleBrowser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
        current = this;
    }

    /** Saves a screenshot and the page's HTML of the running browser when a test fails, to see what it saw. */
    public static final class OnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            ConsoleBrowser browser = current;
            if (browser == null) {
                return;
            }
            try {
                Path shot = browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                Files.writeString(Path.of(shot.toString().replace(".png", ".html")), browser.driver.getPageSource());
            } catch (RuntimeException | IOException e) {
                // The failure itself is what matters.
            }
        }
    }

    /** Starts Chromium, laptop-sized, in English and in the Europe/Berlin time zone. */
    public static ConsoleBrowser start(String testName) {
        assertThat(new File(CHROMIUM).canExecute()).as("Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver)").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("ChromeDriver at " + CHROMEDRIVER + " (apt-get install chromium-driver)").isTrue();
        try {
            Path profile = Files.createTempDirectory("casebridge-chromium-");
            Path screenshots = Path.of("target", "console-screenshots", testName);
            if (Files.isDirectory(screenshots)) {
                try (Stream<Path> old = Files.list(screenshots)) {
                    old.forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-extensions", "--lang=en-GB", "--window-size=1366,900",
                    "--user-data-dir=" + profile.toAbsolutePath());
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Berlin"));
            return new ConsoleBrowser(driver, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    public void clickAndWait(String css) {
        WebElement page = find("html");
        find(css).click();
        // Chromium reports a replaced page's element as stale or as "does not belong to the document".
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void type(String css, String value) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> {
            WebElement field = find(css);
            field.clear();
            field.sendKeys(value);
            return value.equals(field.getAttribute("value"));
        });
    }

    /** Waits (up to {@code seconds}) until an element matching {@code css} contains {@code text}. */
    public void waitForText(String css, String text, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    public void waitFor(String css, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Saves a screenshot of the page as {@code NN-name.png}; returns the file. */
    public Path screenshot(String name) {
        try {
            Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot at tablet size (820 x 1180, portrait), then back to the laptop size. */
    public Path tabletScreenshot(String name) {
        driver.manage().window().setSize(new Dimension(820, 1180));
        try {
            return screenshot(name + "-tablet");
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    /**
     * The browser console's errors and warnings since the last call (CSP violations, failed loads, script errors).
     * The page's own 4xx status (a form re-rendered with its refusal, a not-found page) is the console answering as
     * designed and is left out; a failed load of anything else on the page counts.
     */
    public List<String> consoleProblems() {
        // A page may answer with its own 4xx (a refused sign-in is a 401 page). Chromium can log that a moment
        // later, so a status logged for any page already checked here is that page's own answer, not an error.
        checkedPages.add(driver.getCurrentUrl());
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            boolean ownStatus = checkedPages.stream().anyMatch(page -> entry.getMessage().startsWith(
                    page + " - Failed to load resource: the server responded with a status of 4"));
            if (entry.getLevel().intValue() >= Level.WARNING.intValue() && !ownStatus) {
                problems.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        return problems;
    }

    /**
     * Basic accessibility checks of the current page: a language, landmarks, one h1 and no skipped heading level,
     * a label for every form field, a name for every button and link, unique ids, alt text on images.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityProblems() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const problems = [];
                const lang = document.documentElement.getAttribute('lang');
                if (!lang || !lang.trim()) problems.push('html has no lang attribute');
                if (document.querySelectorAll('main').length !== 1) problems.push('page needs exactly one <main>');
                if (!document.querySelector('header')) problems.push('page has no <header> (banner)');
                if (!document.querySelector('footer')) problems.push('page has no <footer> (contentinfo)');
                if (!document.title || !document.title.trim()) problems.push('page has no title');
                const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')];
                if (headings.filter(h => h.tagName === 'H1').length !== 1) problems.push('page needs exactly one h1');
                let previous = 0;
                for (const h of headings) {
                  const level = Number(h.tagName.substring(1));
                  if (previous && level > previous + 1) problems.push('heading level skipped before: ' + h.textContent.trim());
                  if (!h.textContent.trim()) problems.push('empty heading');
                  previous = level;
                }
                const labelled = el => {
                  if (el.getAttribute('aria-label') && el.getAttribute('aria-label').trim()) return true;
                  const by = el.getAttribute('aria-labelledby');
                  if (by && by.split(/\\s+/).every(id => document.getElementById(id))) return true;
                  if (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) return true;
                  return !!el.closest('label');
                };
                for (const el of document.querySelectorAll('input, select, textarea')) {
                  const type = (el.getAttribute('type') || '').toLowerCase();
                  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
                  if (!labelled(el)) problems.push('form field without label: ' + (el.name || el.id || el.outerHTML.substring(0, 80)));
                }
                for (const b of document.querySelectorAll('button')) {
                  if (!(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('button without a name');
                }
                for (const a of document.querySelectorAll('a[href]')) {
                  if (!(a.textContent.trim() || a.getAttribute('aria-label'))) problems.push('link without text: ' + a.getAttribute('href'));
                }
                for (const img of document.querySelectorAll('img')) {
                  if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.src);
                }
                const ids = {};
                for (const el of document.querySelectorAll('[id]')) {
                  if (ids[el.id]) problems.push('duplicate id: ' + el.id);
                  ids[el.id] = true;
                }
                for (const el of document.querySelectorAll('[aria-describedby]')) {
                  for (const id of el.getAttribute('aria-describedby').split(/\\s+/)) {
                    if (!document.getElementById(id)) problems.push('aria-describedby points nowhere: ' + id);
                  }
                }
                return problems;
                """);
    }

    /** Asserts the page passes the accessibility checks and logged no console error or warning. */
    public void assertCleanPage(String what) {
        assertThat(accessibilityProblems()).as("accessibility of " + what + " (" + driver.getCurrentUrl() + ")")
                .isEmpty();
        assertThat(consoleProblems()).as("browser console on " + what + " (" + driver.getCurrentUrl() + ")")
                .isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
