package org.casebridge.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebridge.console.ConsoleBrowser;
import org.casebridge.infra.junit.SharedInfrastructure;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The statistics page in a real browser, as an analyst: charts and their figures, in every language without console
 * errors or basic accessibility problems, and an export job whose progress the page follows until its file can be
 * downloaded with the console session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ConsoleBrowser.OnFailure.class)
class StatisticsConsoleBrowserIT {

    private static final String WINDOW = "/statistics?from=2026-01-01&to=2026-07-01&zone=Europe/Berlin&period=MONTH";

    private TestNode node;
    private ConsoleBrowser browser;

    @BeforeAll
    void start() throws Exception {
        node = TestNode.start(SeededDataset.SELF, SharedInfrastructure.freshDatabase(SeededDataset.SELF),
                Map.of("casebridge.statistics.small-count-threshold", 2));
        SeededDataset.insert(node.dataSource());
        node.bean(TestTokens.class).user("ada", Role.ANALYST);
        browser = ConsoleBrowser.start("StatisticsConsoleBrowserIT");
        browser.open(node.url() + "/sign-in");
        browser.type("#username", "ada");
        browser.type("#password", TestTokens.PASSWORD);
        browser.clickAndWait("#sign-in");
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
    void theAnalystSeesChartsAndFiguresInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en", "de", "fr")) {
            browser.open(node.url() + "/");
            new Select(browser.find("#language-choice")).selectByValue(language);
            browser.waitFor("html[lang='" + language + "']", 15);
            browser.open(node.url() + WINDOW);
            assertThat(browser.path()).isEqualTo("/statistics");
            assertThat(browser.findAll("nav.main-nav a[href='/statistics'][aria-current='page']")).hasSize(1);
            assertThat(browser.findAll(".chart-box svg[role='img']")).hasSize(5);
            problems.addAll(browser.accessibilityProblems().stream().map(p -> language + ": " + p).toList());
            problems.addAll(browser.consoleProblems().stream().map(p -> language + ": " + p).toList());
            browser.screenshot("statistics-" + language);
        }
        browser.open(node.url() + "/");
        new Select(browser.find("#language-choice")).selectByValue("en");
        browser.waitFor("html[lang='en']", 15);
        assertThat(problems).isEmpty();

        browser.open(node.url() + WINDOW);
        // Berlin months: three cases in February, none in March, one in April (suppressed: below 2).
        @SuppressWarnings("unchecked")
        List<String> casesPerMonth = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll('#cases-per-period tbody tr')]"
                        + ".map(tr => [...tr.cells].map(c => c.textContent.trim()).join(' '));");
        assertThat(casesPerMonth).contains("2026-02 2026-02-01 3 false", "2026-03 2026-03-01 0 false",
                "2026-04 2026-04-01 – true");
        assertThat(browser.find("#cases-by-category svg").getAttribute("innerHTML")).contains("RANSOMWARE_EXTORTION");
        assertThat(browser.text("#seizures")).contains("EUR").contains("1200.5");
    }

    @Test
    @Order(2)
    void anExportJobShowsItsProgressAndItsFileDownloadsWithTheSession() {
        browser.open(node.url() + WINDOW);
        new Select(browser.find("#dataset")).selectByValue("evidence-requests");
        new Select(browser.find("#format")).selectByValue("csv");
        browser.clickAndWait("#start-export-button");
        assertThat(browser.path()).isEqualTo("/statistics");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver ->
                !browser.findAll("#export-jobs a.download").isEmpty());
        assertThat(browser.text("#export-jobs")).contains("7 of 7 rows");
        browser.assertCleanPage("statistics page with an export");
        browser.screenshot("statistics-export-ready");
        String href = browser.find("#export-jobs a.download").getAttribute("href");
        Object firstLine = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.split('\\r\\n')[0])))"
                        + ".catch(e => done('failed ' + e));", href);
        assertThat((String) firstLine).startsWith("200 id,reference,direction");
    }
}
