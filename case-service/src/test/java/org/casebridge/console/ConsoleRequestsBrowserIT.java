package org.casebridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * An evidence request through the consoles of two real nodes: drafted on a case (the instrument's deadline shown as
 * it is chosen), submitted, approved by a supervisor and sent; accepted and fulfilled with a manifest at the partner;
 * and the requester's open page showing the new status without a reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ConsoleBrowser.OnFailure.class)
class ConsoleRequestsBrowserIT {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private TestNode de;
    private TestNode nl;
    private ConsoleBrowser browser;
    private String caseId;
    private String requestPath;
    private String requesterWindow;

    @BeforeAll
    void start() {
        de = TestNode.start("DE-BKA");
        nl = TestNode.start("NL-NHTC");
        de.bean(TestTokens.class).user("anna", Role.LIAISON);
        de.bean(TestTokens.class).user("sam", Role.SUPERVISOR);
        nl.bean(TestTokens.class).user("joost", Role.LIAISON);
        String token = de.token("anna", Role.LIAISON);
        Map<?, ?> created = de.http().retrieve(HttpRequest.POST("/api/v1/cases", Map.of(
                "title", "LockBit affiliate infrastructure", "summary", "Affiliate panel on rented servers.",
                "crimeCategories", List.of("RANSOMWARE_EXTORTION"), "handlingMarking", "AMBER")).bearerAuth(token),
                Map.class);
        caseId = (String) created.get("id");
        de.http().exchange(HttpRequest.POST("/api/v1/cases/" + caseId + "/shares", Map.of("agency", "NL-NHTC"))
                .bearerAuth(token));
        browser = ConsoleBrowser.start("ConsoleRequestsBrowserIT");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (nl != null) {
            nl.close();
        }
        if (de != null) {
            de.close();
        }
    }

    @Test
    @Order(1)
    void aRequestIsDraftedOnACaseAndTheInstrumentShowsItsDeadline() {
        signIn(de, "anna");
        browser.open(de.url() + "/cases/" + caseId);
        browser.clickAndWait("#new-request");
        assertThat(browser.text("h1")).contains("New evidence request");
        new Select(browser.find("#requestedAgency")).selectByValue("NL-NHTC");
        new Select(browser.find("#instrument")).selectByValue("EU_EPOC");
        browser.waitForText("#deadline-preview", "10 d", 15);
        new Select(browser.find("#urgency")).selectByValue("EMERGENCY");
        browser.waitForText("#deadline-preview", "8 h", 15);
        browser.screenshot("request-form-deadline");
        browser.assertCleanPage("request form");

        new Select(browser.find("#type")).selectByValue("TRAFFIC_DATA");
        browser.type("#justification", "A new victim's systems are being encrypted now; panel logs are needed.");
        new Select(browser.find("#itemType")).selectByValue("IP_ADDRESS");
        browser.type("#itemValue", "not an address");
        browser.clickAndWait("#save-request");
        assertThat(browser.text("#items-error")).isNotBlank();
        browser.screenshot("request-form-refused");
        browser.assertCleanPage("refused request form");

        browser.type("#itemValue", "185.220.101.47");
        browser.driver().executeScript("document.getElementById('rangeFrom').value = '2026-11-01T00:00';"
                + "document.getElementById('rangeTo').value = '2026-11-08T00:00';");
        browser.clickAndWait("#save-request");
        assertThat(browser.path()).startsWith("/requests/");
        requestPath = browser.path();
        assertThat(browser.find("#request-status-value").getAttribute("data-status")).isEqualTo("DRAFT");
        browser.clickAndWait("#submit-request");
        assertThat(browser.find("#request-status-value").getAttribute("data-status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(browser.findAll("#approve-request")).as("the author cannot approve").isEmpty();
        browser.screenshot("request-awaiting-approval");
        browser.assertCleanPage("request awaiting approval");
    }

    @Test
    @Order(2)
    void aSupervisorApprovesAndTheRequestIsSent() {
        browser.open(de.url() + "/");
        browser.clickAndWait("#sign-out");
        signIn(de, "sam");
        browser.open(de.url() + "/");
        assertThat(browser.text("#dashboard-outbound")).contains("Awaiting approval");
        browser.open(de.url() + requestPath);
        browser.clickAndWait("#approve-request");
        browser.waitFor("#request-status-value[data-status='SENT'], #request-status-value[data-status='RECEIVED']", 30);
        browser.screenshot("request-sent");
        browser.assertCleanPage("sent request");
        requesterWindow = browser.driver().getWindowHandle();
    }

    @Test
    @Order(3)
    void thePartnerAcceptsAndFulfilsWhileTheRequesterWatches() {
        browser.driver().switchTo().newWindow(WindowType.TAB);
        signIn(nl, "joost");
        browser.open(nl.url() + "/requests?direction=INBOUND");
        browser.waitForText("#requests-table", "DE-BKA", 30);
        browser.screenshot("partner-inbound-list");
        browser.assertCleanPage("partner inbound list");
        browser.clickAndWait("#requests-table tbody a");
        browser.waitFor("#request-status-value[data-status='RECEIVED']", 30);
        browser.open(browser.driver().getCurrentUrl());
        assertThat(browser.text("#request-status")).contains("Execute").contains("left");
        browser.find("#decision-accept").click();
        browser.clickAndWait("#answer-request");
        assertThat(browser.find("#request-status-value").getAttribute("data-status")).isEqualTo("ACCEPTED");

        browser.type("#description", "Connection logs of the affiliate panel, 1-7 November");
        browser.type("#mediaType", "text/csv");
        browser.type("#sizeBytes", "48213");
        browser.type("#sha256", SHA256);
        browser.driver().executeScript("document.getElementById('acquiredAt').value = '2026-11-20T10:30';");
        browser.type("#acquisitionMethod", "Export from the hoster's NetFlow collector");
        browser.type("#deliveryChannel", "SIENA");
        browser.clickAndWait("#fulfil-request");
        assertThat(browser.find("#request-status-value").getAttribute("data-status")).isEqualTo("FULFILLED");
        assertThat(browser.text("main")).contains(SHA256);
        browser.screenshot("partner-fulfilled");
        browser.assertCleanPage("partner fulfilled request");

        // Back at the requester's page, opened before: the status and the delivered evidence appear in place.
        browser.driver().switchTo().window(requesterWindow);
        browser.driver().executeScript("window.__notReloaded = true;");
        browser.waitFor("#request-status-value[data-status='FULFILLED']", 60);
        assertThat(browser.driver().executeScript("return window.__notReloaded === true;")).isEqualTo(true);
        assertThat(browser.text("#manifest-count")).isEqualTo("1");
        browser.screenshot("requester-sees-fulfilled");
    }

    private void signIn(TestNode node, String username) {
        browser.open(node.url() + "/sign-in");
        browser.type("#username", username);
        browser.type("#password", TestTokens.PASSWORD);
        browser.clickAndWait("#sign-in");
    }
}
