package org.casebridge.console;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The console in a real browser against two real nodes: sign in, open a case (a refusal shown next to its field),
 * share it and watch the partner's receipt arrive without reloading, see a share beyond a partner's ceiling refused
 * with the reason, find the case at the partner's console, switch the language, sign out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConsoleBrowser.OnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleCasesBrowserIT {

    private TestNode de;
    private TestNode nl;
    private ConsoleBrowser browser;
    private String caseUrl;

    @BeforeAll
    void start() {
        de = TestNode.start("DE-BKA");
        nl = TestNode.start("NL-NHTC");
        de.bean(TestTokens.class).user("anna", Role.LIAISON);
        nl.bean(TestTokens.class).user("joost", Role.LIAISON);
        browser = ConsoleBrowser.start("ConsoleCasesBrowserIT");
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
    void aWrongPasswordIsRefusedAndTheRightOneSignsIn() {
        browser.open(de.url() + "/");
        assertThat(browser.path()).isEqualTo("/sign-in");
        browser.screenshot("sign-in");
        browser.assertCleanPage("sign-in page");

        signIn(de, "anna", "not the password");
        assertThat(browser.text("#sign-in-error")).contains("wrong");
        browser.screenshot("sign-in-refused");
        browser.assertCleanPage("refused sign-in");

        signIn(de, "anna", TestTokens.PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("token").doesNotContain("session");
        assertThat(browser.text("h1")).isEqualTo("Dashboard");
        assertThat(browser.text("header")).contains("Signed in as Test anna");
        browser.screenshot("dashboard");
        browser.assertCleanPage("dashboard");
    }

    @Test
    @Order(2)
    void aNewCaseWithoutCategoryIsRefusedNextToTheFieldThenOpens() {
        browser.open(de.url() + "/cases/new");
        browser.assertCleanPage("new case form");
        browser.type("#title", "Ransomware affiliate infrastructure");
        browser.type("#summary", "C2 servers at a Dutch hoster; affiliates paid in Monero.");
        new Select(browser.find("#handlingMarking")).selectByValue("AMBER");
        browser.clickAndWait("#save-case");

        assertThat(browser.text("#crimeCategories-error")).contains("crime category");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Ransomware affiliate infrastructure");
        browser.screenshot("new-case-refused");
        browser.assertCleanPage("refused case form");

        browser.find("input[value='RANSOMWARE_EXTORTION']").click();
        browser.clickAndWait("#save-case");
        assertThat(browser.path()).startsWith("/cases/");
        assertThat(browser.text("h1")).contains("Ransomware affiliate infrastructure").contains("DE-BKA-");
        assertThat(browser.text(".tlp")).isEqualTo("TLP:AMBER");
        caseUrl = browser.driver().getCurrentUrl();
        browser.screenshot("case-page");
        browser.assertCleanPage("case page");
    }

    @Test
    @Order(3)
    void sharingShowsThePartnersReceiptWithoutReloading() {
        browser.open(caseUrl);
        new Select(browser.find("#share-agency")).selectByValue("NL-NHTC");
        browser.clickAndWait("#share-submit");
        browser.waitFor("#shares-table tr[data-partner='NL-NHTC']", 30);
        Object marker = browser.driver().executeScript("return window.__casebridgeMarker = 'same page';");
        assertThat(marker).isEqualTo("same page");

        // The delivery cell refreshes in place until the partner's receipt says the copy was applied.
        browser.waitForText("#shares-table tr[data-partner='NL-NHTC'] .delivery", "Received and applied", 60);
        assertThat(browser.driver().executeScript("return window.__casebridgeMarker;")).isEqualTo("same page");
        browser.screenshot("case-shared-applied");
        browser.tabletScreenshot("case-shared-applied");
        browser.assertCleanPage("shared case page");
    }

    @Test
    @Order(4)
    void aShareAboveThePartnersCeilingIsRefusedWithTheReason() {
        browser.open(caseUrl);
        new Select(browser.find("#share-agency")).selectByValue("IS-LRH");
        browser.clickAndWait("#share-submit");
        assertThat(browser.text("#agency-error")).contains("IS-LRH").contains("TLP:GREEN");
        assertThat(browser.text("#ceiling-explained")).contains("sharing ceiling").contains("TLP:AMBER");
        assertThat(browser.find("#share-agency").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("share-refused-ceiling");
        browser.assertCleanPage("refused share");
        assertThat(browser.findAll("#shares-table tr[data-partner='IS-LRH']")).isEmpty();
    }

    @Test
    @Order(5)
    void thePartnerSeesTheSharedCaseInItsConsole() {
        browser.open(nl.url() + "/");
        assertThat(browser.path()).isEqualTo("/sign-in");
        signIn(nl, "joost", TestTokens.PASSWORD);
        browser.open(nl.url() + "/cases?q=Ransomware");
        browser.waitForText("#case-results", "Ransomware affiliate infrastructure", 30);
        assertThat(browser.text("#case-results")).contains("DE-BKA").contains("copy");
        browser.screenshot("partner-case-list");
        browser.assertCleanPage("partner case list");
        browser.clickAndWait("#case-results tbody a");
        assertThat(browser.text(".notice")).contains("read-only copy shared by DE-BKA");
        assertThat(browser.findAll("#edit-case")).isEmpty();
        browser.screenshot("partner-case-page");
        browser.assertCleanPage("partner case page");

        // The requester's session at DE-BKA is untouched by signing in at NL-NHTC on the same host.
        browser.open(de.url() + "/");
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    @Order(6)
    void theLanguageCanBeSwitchedToGermanAndBack() {
        browser.open(de.url() + "/cases");
        new Select(browser.find("#language-choice")).selectByValue("de");
        browser.waitForText("h1", "Fälle", 15);
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("de");
        assertThat(browser.text("nav.main-nav")).contains("Übersicht");
        browser.screenshot("cases-german");
        browser.assertCleanPage("German case list");
        new Select(browser.find("#language-choice")).selectByValue("en");
        browser.waitForText("h1", "Cases", 15);
    }

    @Test
    @Order(7)
    void signingOutEndsTheSession() {
        browser.open(de.url() + "/");
        browser.clickAndWait("#sign-out");
        assertThat(browser.path()).isEqualTo("/sign-in");
        assertThat(browser.text("main")).contains("You have signed out");
        browser.open(de.url() + "/cases");
        assertThat(browser.path()).isEqualTo("/sign-in");
    }

    private void signIn(TestNode node, String username, String password) {
        browser.open(node.url() + "/sign-in");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.clickAndWait("#sign-in");
    }

}
