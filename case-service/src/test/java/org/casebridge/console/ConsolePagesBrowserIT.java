package org.casebridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.micronaut.http.HttpRequest;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every console page, in every language, in a real browser: no console error (CSP violations, failed loads, script
 * errors) and the basic accessibility checks (lang, landmarks, headings, labels). Plus keyboard entry and the
 * user administration with a refusal shown next to its field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ConsoleBrowser.OnFailure.class)
class ConsolePagesBrowserIT {

    private TestNode node;
    private ConsoleBrowser browser;
    private String caseId;
    private String requestId;

    @BeforeAll
    void start() {
        node = TestNode.start("DE-BKA");
        node.bean(TestTokens.class).user("chief", Role.LIAISON, Role.SUPERVISOR, Role.ADMIN);
        node.bean(TestTokens.class).user("ada", Role.ANALYST);
        String token = node.token("chief", Role.LIAISON, Role.SUPERVISOR, Role.ADMIN);
        Map<?, ?> created = node.http().retrieve(HttpRequest.POST("/api/v1/cases", Map.of(
                "title", "Phishing kit against savings banks", "summary", "Kit sold on a messenger channel.",
                "crimeCategories", List.of("COMPUTER_FRAUD"), "handlingMarking", "GREEN")).bearerAuth(token), Map.class);
        caseId = (String) created.get("id");
        node.http().exchange(HttpRequest.POST("/api/v1/cases/" + caseId + "/shares", Map.of("agency", "NL-NHTC"))
                .bearerAuth(token));
        Map<?, ?> request = node.http().retrieve(HttpRequest.POST("/api/v1/evidence-requests", Map.of(
                "caseId", caseId, "requestedAgency", "NL-NHTC", "instrument", "EU_EPOC", "type", "SUBSCRIBER_INFO",
                "urgency", "URGENT", "justification", "The kit's payment wallet was funded from a Dutch exchange.",
                "items", List.of(Map.of("type", "DOMAIN", "domain", "sparkasse-kits.example", "timeRange",
                        Map.of("from", "2026-10-01T00:00:00Z", "to", "2026-10-31T00:00:00Z"))))).bearerAuth(token),
                Map.class);
        requestId = (String) request.get("id");
        browser = ConsoleBrowser.start("ConsolePagesBrowserIT");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void theKeyboardAloneSignsInAndTheSkipLinkComesFirst() {
        browser.open(node.url() + "/sign-in");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 10 && !order.contains("username"); i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.driver().switchTo().activeElement();
            String id = focused.getAttribute("id");
            order.add(id == null || id.isEmpty() ? focused.getAttribute("class") : id);
        }
        assertThat(order).containsExactly("skip", "brand-name", "language-choice", "language-apply", "username");
        browser.driver().switchTo().activeElement().sendKeys("chief");
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement password = browser.driver().switchTo().activeElement();
        assertThat(password.getAttribute("id")).isEqualTo("password");
        password.sendKeys(TestTokens.PASSWORD);
        password.sendKeys(Keys.ENTER);
        browser.waitForText("h1", "Dashboard", 30);
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    @Order(2)
    void everyPageInEveryLanguageIsCleanAndAccessible() {
        List<String> pages = List.of("/", "/cases", "/cases?q=phishing&status=OPEN", "/cases/new",
                "/cases/" + caseId, "/cases/" + caseId + "/edit", "/admin/users", "/admin/users/chief",
                "/admin/partners", "/admin/partners?q=NL", "/forbidden", "/cases/" + UUID.randomUUID(),
                "/requests", "/requests?direction=OUTBOUND", "/requests/new?caseId=" + caseId,
                "/requests/" + requestId);
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en", "de", "fr")) {
            browser.open(node.url() + "/");
            new Select(browser.find("#language-choice")).selectByValue(language);
            browser.waitFor("html[lang='" + language + "']", 15);
            for (String page : pages) {
                browser.open(node.url() + page);
                String expectedPath = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
                assertThat(browser.path()).as("signed in, not redirected").isEqualTo(expectedPath);
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo(language);
                problems.addAll(browser.accessibilityProblems().stream().map(p -> language + " " + page + ": " + p).toList());
                problems.addAll(browser.consoleProblems().stream().map(p -> language + " " + page + ": " + p).toList());
                if (language.equals("en") || page.equals("/")) {
                    browser.screenshot(language + page.replaceAll("[^a-z0-9]+", "-"));
                }
            }
        }
        browser.open(node.url() + "/");
        new Select(browser.find("#language-choice")).selectByValue("en");
        browser.waitFor("html[lang='en']", 15);
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(3)
    void anAdministratorCreatesAUserAndSeesAPolicyRefusalNextToThePassword() {
        browser.open(node.url() + "/admin/users");
        browser.type("#username", "bert");
        browser.type("#displayName", "Bert Becker");
        browser.type("#email", "bert@bka.example");
        browser.type("#password", "short");
        browser.clickAndWait("#create-user");
        assertThat(browser.text("#password-error")).isNotBlank();
        assertThat(browser.find("#password").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("user-refused");
        browser.assertCleanPage("refused user form");

        browser.type("#password", "correct lantern graphite ocean");
        browser.clickAndWait("#create-user");
        assertThat(browser.path()).isEqualTo("/admin/users/bert");
        assertThat(browser.text("h1")).contains("Bert Becker");
        browser.find("#role-SUPERVISOR").click();
        browser.clickAndWait("#save-user");
        assertThat(browser.text("main")).contains("Saved.");
        assertThat(browser.find("#role-SUPERVISOR").isSelected()).isTrue();
        browser.screenshot("user-saved");
        browser.assertCleanPage("user page");
    }

    @Test
    @Order(4)
    void anAnalystIsShownThatCasesAreNotForTheRole() {
        browser.open(node.url() + "/");
        browser.clickAndWait("#sign-out");
        browser.type("#username", "ada");
        browser.type("#password", TestTokens.PASSWORD);
        browser.clickAndWait("#sign-in");
        assertThat(browser.findAll("nav.main-nav a[href='/cases']")).isEmpty();
        browser.open(node.url() + "/cases");
        assertThat(browser.path()).isEqualTo("/forbidden");
        assertThat(browser.text("h1")).isEqualTo("Not for your role");
        browser.assertCleanPage("forbidden page");
    }
}
