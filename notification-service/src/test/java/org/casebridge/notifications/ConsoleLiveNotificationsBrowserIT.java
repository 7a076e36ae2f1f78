package org.casebridge.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.notifications.testkit.CaseServiceProcess;
import org.casebridge.notifications.testkit.Json;
import org.casebridge.notifications.testkit.Mailbox;
import org.casebridge.notifications.testkit.NotificationNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's live notifications in a real headless Chromium: a liaison officer of NL-NHTC has the dashboard open
 * (served by the case-service, forked from its runnable jar), DE-BKA shares a case, and the notification from NL-NHTC's
 * notification-service appears with the unread count going up, without a reload. Real PostgreSQL, Kafka and SMTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleLiveNotificationsBrowserIT {

    private static final String NL = "NL-NHTC";
    private static final String DE = "DE-BKA";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots", "ConsoleLiveNotificationsBrowserIT");

    private CaseServiceProcess nlCases;
    private CaseServiceProcess deCases;
    private Mailbox mailbox;
    private NotificationNode node;
    private ChromeDriver browser;
    private Path profile;

    @BeforeAll
    void start() throws IOException {
        SharedInfrastructure.get();
        int notificationPort = freePort();
        String notificationUrl = "http://127.0.0.1:" + notificationPort;
        CompletableFuture<CaseServiceProcess> nl = CompletableFuture.supplyAsync(() -> CaseServiceProcess.start(NL,
                Map.of("casebridge.notification-service.url", notificationUrl)).awaitHealthy(Duration.ofMinutes(3)));
        CompletableFuture<CaseServiceProcess> de = CompletableFuture.supplyAsync(() -> CaseServiceProcess.start(DE)
                .awaitHealthy(Duration.ofMinutes(3)));
        nlCases = nl.join();
        deCases = de.join();
        mailbox = Mailbox.start();
        DatabaseCoordinates database = SharedInfrastructure.freshDatabase("nl_nhtc_console");
        Map<String, Object> properties = NotificationNode.properties(NL, database,
                NL + ".notification-service.console-" + UUID.randomUUID(), nlCases, mailbox.port());
        properties.put("micronaut.server.port", notificationPort);
        // The console's origin may call the service and open its stream (CORS).
        properties.put("casebridge.notifications.console-url", nlCases.url());
        node = NotificationNode.start(properties);
        browser = chromium();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {node, mailbox, nlCases, deCases}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
        if (profile != null) {
            profile.toFile().deleteOnExit();
        }
    }

    @Test
    void aCaseSharedByAPartnerAppearsOnTheOpenDashboardWithTheUnreadCount() throws IOException {
        browser.get(nlCases.url() + "/sign-in");
        browser.findElement(By.id("username")).sendKeys("liaison");
        browser.findElement(By.id("password")).sendKeys(CaseServiceProcess.DEMO_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-notifications")));
        // Connected: the stream's first event replaced the "connecting" text.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications-state"), "Connected"));
        String before = browser.findElement(By.id("unread-count")).getText();
        browser.executeScript("window.__dashboard = 'not reloaded';");
        screenshot("01-dashboard-connected");

        String title = "Botnet takedown " + UUID.randomUUID().toString().substring(0, 8);
        String deLiaison = deCases.login("liaison");
        HttpResponse<String> created = deCases.send("POST", "/api/v1/cases", deLiaison, Json.write(Map.of(
                "title", title, "summary", "Shared with the Dutch unit", "crimeCategories", List.of("ILLEGAL_ACCESS"),
                "handlingMarking", "GREEN")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> shared = deCases.send("POST", "/api/v1/cases/" + Json.field(created.body(), "id")
                + "/shares", deLiaison, Json.write(Map.of("agency", NL)));
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-notifications"), title));
        assertThat(browser.executeScript("return window.__dashboard;")).isEqualTo("not reloaded");
        int unreadBefore = before.isBlank() ? 0 : Integer.parseInt(before.trim());
        wait.until(d -> !d.findElement(By.id("unread-count")).getText().isBlank()
                && Integer.parseInt(d.findElement(By.id("unread-count")).getText().trim()) > unreadBefore);
        screenshot("02-notification-arrived");

        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(problems).as("browser console").isEmpty();

        browser.get(nlCases.url() + "/notifications");
        assertThat(browser.findElement(By.id("notification-list")).getText()).contains(title);
        screenshot("03-notifications-page");
    }

    @Test
    void theRequesterSeesItsEvidenceRequestFulfilledOnTheOpenDashboard() throws IOException {
        String nlLiaison = nlCases.login("liaison");
        HttpResponse<String> nlCase = nlCases.send("POST", "/api/v1/cases", nlLiaison, Json.write(Map.of(
                "title", "Phishing kit operators", "summary", "Kit hosted at a German provider",
                "crimeCategories", List.of("COMPUTER_FRAUD"), "handlingMarking", "GREEN")));
        assertThat(nlCase.statusCode()).as(nlCase.body()).isEqualTo(201);
        HttpResponse<String> drafted = nlCases.send("POST", "/api/v1/evidence-requests", nlLiaison, Json.write(Map.of(
                "caseId", Json.field(nlCase.body(), "id"), "requestedAgency", DE, "instrument", "EU_EPOC",
                "type", "SUBSCRIBER_INFO", "urgency", "NORMAL",
                "justification", "Subscriber of the address that hosts the kit's admin panel.",
                "items", List.of(Map.of("type", "DOMAIN", "domain", "login-verify.example.net", "timeRange",
                        Map.of("from", "2026-10-01T00:00:00Z", "to", "2026-10-31T00:00:00Z"))))));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String id = Json.field(drafted.body(), "id");
        String reference = Json.field(drafted.body(), "reference");
        assertThat(nlCases.send("POST", "/api/v1/evidence-requests/" + id + "/submit", nlLiaison, null).statusCode())
                .isEqualTo(200);

        // The author has the dashboard open while the supervisor approves and the partner answers.
        browser.get(nlCases.url() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications-state"), "Connected"));
        browser.executeScript("window.__dashboard = 'not reloaded';");

        HttpResponse<String> approved = nlCases.send("POST", "/api/v1/evidence-requests/" + id + "/approve",
                nlCases.login("supervisor"), null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        String deLiaison = deCases.login("liaison");
        await().atMost(Duration.ofSeconds(90)).until(() -> deCases.send("GET",
                "/api/v1/evidence-requests/" + id, deLiaison, null).statusCode() == 200);
        HttpResponse<String> accepted = deCases.send("POST", "/api/v1/evidence-requests/" + id + "/decision",
                deLiaison, Json.write(Map.of("decision", "ACCEPT")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        HttpResponse<String> fulfilled = deCases.send("POST", "/api/v1/evidence-requests/" + id + "/fulfilment",
                deLiaison, Json.write(Map.of("complete", true, "deliveryChannel", "SIENA",
                        "deliveryReference", "SIENA-DE-2026-7731", "items", List.of(Map.of(
                                "description", "Subscriber record", "mediaType", "application/pdf",
                                "sizeBytes", 48213,
                                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                "acquiredAt", "2026-11-02T09:00:00Z",
                                "acquisitionMethod", "Production order answered by the provider",
                                "custody", List.of(Map.of("handledBy", "k.wagner@DE-BKA",
                                        "at", "2026-11-02T09:05:00Z", "action", "COLLECTED")))))));
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);

        wait.until(d -> d.findElement(By.id("live-notifications")).getText().contains(reference)
                && d.findElement(By.id("live-notifications")).getText().contains("delivered the evidence"));
        assertThat(browser.executeScript("return window.__dashboard;")).isEqualTo("not reloaded");
        screenshot("04-request-fulfilled-arrived");
    }

    private ChromeDriver chromium() throws IOException {
        String chromium = System.getProperty("casebridge.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("casebridge.chromedriver", "/usr/bin/chromedriver");
        assertThat(new File(chromium).canExecute()).as("Chromium at " + chromium).isTrue();
        profile = Files.createTempDirectory("casebridge-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=en-GB", "--window-size=1366,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build(), options);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
