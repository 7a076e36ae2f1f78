package org.casebridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.openqa.selenium.support.ui.Select;

/**
 * A joint action on the board of two real nodes: the participant accepts and declares readiness in its console, the
 * coordinator sees it arrive on its board without reloading, declares its own readiness and decides GO; each
 * participant's local time is shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ConsoleBrowser.OnFailure.class)
class ConsoleJointActionBrowserIT {

    private TestNode de;
    private TestNode nl;
    private ConsoleBrowser browser;
    private String actionId;

    @BeforeAll
    void start() {
        de = TestNode.start("DE-BKA");
        nl = TestNode.start("NL-NHTC");
        de.bean(TestTokens.class).user("anna", Role.LIAISON);
        nl.bean(TestTokens.class).user("joost", Role.LIAISON);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<?, ?> proposed = de.http().retrieve(HttpRequest.POST("/api/v1/joint-actions", Map.of(
                "title", "Operation Ember Gate",
                "objective", "Take down the affiliate panel and arrest its two administrators.",
                "participants", List.of(
                        Map.of("agency", "DE-BKA", "role", "COORDINATOR", "tasks", List.of("Command post")),
                        Map.of("agency", "NL-NHTC", "role", "PARTICIPANT", "tasks", List.of("Seize the C2 servers"),
                                "targets", List.of("Two servers at a Rotterdam hoster"))),
                "windowStart", start.toString(), "windowEnd", start.plus(Duration.ofHours(10)).toString(),
                "handlingMarking", "AMBER")).bearerAuth(de.token("anna", Role.LIAISON)), Map.class);
        actionId = (String) proposed.get("id");
        browser = ConsoleBrowser.start("ConsoleJointActionBrowserIT");
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
    void theParticipantAcceptsAndDeclaresReadiness() {
        signIn(nl, "joost");
        // The proposal travels from DE-BKA to NL-NHTC over Kafka; the list shows it once it has arrived.
        long deadline = System.currentTimeMillis() + 60_000;
        do {
            browser.open(nl.url() + "/joint-actions");
        } while (browser.findAll("#joint-table a").isEmpty() && System.currentTimeMillis() < deadline);
        assertThat(browser.text("main")).contains("Operation Ember Gate");
        browser.screenshot("participant-list");
        browser.assertCleanPage("participant's joint action list");
        browser.clickAndWait("#joint-table a");
        new Select(browser.find("#answer-choice")).selectByValue("ACCEPTED");
        browser.clickAndWait("#send-answer");
        new Select(browser.find("#readiness-choice")).selectByValue("READY");
        browser.type("#readiness-note", "Search teams briefed");
        browser.clickAndWait("#declare-readiness");
        assertThat(browser.text("#participants-table tr[data-agency='NL-NHTC'] .readiness")).contains("Ready");
        assertThat(browser.text("#participants-table tr[data-agency='NL-NHTC']")).contains("Europe/Amsterdam");
        browser.screenshot("participant-ready");
        browser.assertCleanPage("participant's board");
    }

    @Test
    @Order(2)
    void theCoordinatorSeesReadinessArriveAndDecidesGo() {
        signIn(de, "anna");
        browser.open(de.url() + "/joint-actions/" + actionId);
        browser.driver().executeScript("window.__board = 'open';");
        browser.waitForText("#participants-table tr[data-agency='NL-NHTC'] .readiness", "Ready", 60);
        assertThat(browser.driver().executeScript("return window.__board;")).isEqualTo("open");
        assertThat(browser.text("#participants-table tr[data-agency='DE-BKA']")).contains("Europe/Berlin");

        new Select(browser.find("#readiness-choice")).selectByValue("READY");
        browser.clickAndWait("#declare-readiness");
        new Select(browser.find("#decision-choice")).selectByValue("GO");
        browser.type("#decision-note", "All teams ready");
        browser.clickAndWait("#decide");
        assertThat(browser.find("#joint-status").getAttribute("data-status")).isEqualTo("GO");
        browser.screenshot("coordinator-go");
        browser.tabletScreenshot("coordinator-go");
        browser.assertCleanPage("coordinator's board after GO");

        browser.open(de.url() + "/");
        assertThat(browser.text("#dashboard-joint")).contains("Operation Ember Gate").contains("GO");
        browser.screenshot("dashboard-joint");
    }

    private void signIn(TestNode node, String username) {
        browser.open(node.url() + "/sign-in");
        browser.type("#username", username);
        browser.type("#password", TestTokens.PASSWORD);
        browser.clickAndWait("#sign-in");
    }
}
