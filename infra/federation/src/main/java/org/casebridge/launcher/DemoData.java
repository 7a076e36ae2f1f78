package org.casebridge.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Realistic demo data, entered the way officers would: through each node's API, so every share, update and
 * contribution travels between the nodes as signed messages and a new user sees the federation at work.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FederationNode> nodes = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final String password;

    DemoData(List<FederationNode> federationNodes, String password) {
        federationNodes.forEach(node -> nodes.put(node.agencyCode(), node));
        this.password = password;
    }

    /**
     * Registers a webhook at each node's notification-service that posts to the demo mailbox, which verifies each
     * call with the secret the registration answered. Before the cases, so their events are delivered.
     */
    void registerWebhooks(DemoMailbox mailbox) throws IOException, InterruptedException {
        for (FederationNode node : nodes.values()) {
            String admin = login(node.agencyCode(), "admin");
            HttpRequest register = HttpRequest.newBuilder(URI.create(node.notificationServiceUrl() + "/api/v1/webhooks"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                            "url", mailbox.webhookUrl(node.agencyCode()),
                            "description", "Demo mailbox: lists every call and checks its signature"))))
                    .build();
            HttpResponse<String> response = http.send(register, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("demo webhook at " + node.agencyCode() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            mailbox.expectSecret(node.agencyCode(), json.readTree(response.body()).get("secret").asText());
        }
        LOG.info("Demo data: a webhook per notification-service, received by the demo mailbox");
    }

    /** Enters the demo cases of whichever of DE-BKA, NL-NHTC and FR-OFAC run; returns how many cases it opened. */
    int load() throws IOException, InterruptedException {
        Map<String, String> cases = new HashMap<>();
        int opened = 0;
        String lockbit = null;
        if (nodes.containsKey("DE-BKA")) {
            lockbit = openCase("DE-BKA", "LockBit affiliate infrastructure",
                    "Affiliate panel and data-leak site mirrors traced to rented servers; victims in 14 countries.",
                    List.of("RANSOMWARE_EXTORTION", "ILLEGAL_ACCESS"), "HIGH", "AMBER", List.of());
            cases.put("lockbit", lockbit);
            shareWith("DE-BKA", lockbit, "NL-NHTC", "FR-OFAC");
            update("DE-BKA", lockbit, 1, Map.of("status", "ACTIVE"));
            contribute("NL-NHTC", lockbit, "FINDING",
                    "Two of the C2 servers sit at a Rotterdam hoster; preservation requested on our side.");
            String phishing = openCase("DE-BKA", "Phishing-as-a-service kit against savings banks",
                    "Kit sold on a Telegram channel; 3,200 credential sets harvested in October.",
                    List.of("COMPUTER_FRAUD", "MISUSE_OF_DEVICES"), "NORMAL", "GREEN", List.of());
            cases.put("phishing", phishing);
            shareWith("DE-BKA", phishing, "NL-NHTC");
            String booter = openCase("DE-BKA", "DDoS-for-hire booter service",
                    "Booter front end hosted in France; attacks on regional government portals.",
                    List.of("SYSTEM_INTERFERENCE"), "NORMAL", "AMBER_STRICT", List.of());
            cases.put("booter", booter);
            shareWith("DE-BKA", booter, "FR-OFAC");
            opened += 3;
        }
        if (nodes.containsKey("NL-NHTC")) {
            String hoster = openCase("NL-NHTC", "Bulletproof hosting provider",
                    "Provider ignores abuse reports and takes payment in Monero only.",
                    List.of("MISUSE_OF_DEVICES", "ONLINE_MONEY_LAUNDERING"), "HIGH", "AMBER", List.of());
            shareWith("NL-NHTC", hoster, "DE-BKA");
            String hospital = openCase("NL-NHTC", "Extortion of a university hospital",
                    "Negotiation channel with the extortionists is monitored; named recipients only.",
                    List.of("RANSOMWARE_EXTORTION"), "CRITICAL", "RED", List.of("DE-BKA"));
            shareWith("NL-NHTC", hospital, "DE-BKA");
            opened += 2;
        }
        if (nodes.containsKey("FR-OFAC")) {
            String callCentre = openCase("FR-OFAC", "Investment fraud call centre",
                    "Call centre abroad targets retirees with fake crypto funds; losses above EUR 4 million.",
                    List.of("COMPUTER_FRAUD", "ONLINE_MONEY_LAUNDERING"), "HIGH", "GREEN", List.of());
            cases.put("callCentre", callCentre);
            shareWith("FR-OFAC", callCentre, "DE-BKA", "NL-NHTC");
            contribute("DE-BKA", callCentre, "NOTE", "Three German victims reported the same fund name.");
            opened++;
        }
        LOG.info("Demo data: {} cases opened and shared between the nodes", opened);
        if (nodes.keySet().containsAll(List.of("DE-BKA", "NL-NHTC", "FR-OFAC"))) {
            jointActions(lockbit);
        }
        try {
            int requests = loadEvidenceRequests(cases);
            LOG.info("Demo data: {} evidence requests between the nodes", requests);
        } catch (IllegalStateException e) {
            // the cases are in; a federation without demo requests is still worth starting
            LOG.warn("Demo evidence requests could not all be entered: {}", e.getMessage());
        }
        return opened;
    }

    /**
     * Two joint actions coordinated by DE-BKA: one completed with every agency's outcomes and the totals, one in
     * planning with answers and readiness given.
     */
    private void jointActions(String linkedCase) throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant done = now.minus(6, ChronoUnit.DAYS);
        String emberGate = propose("Operation Ember Gate",
                "Take down the LockBit affiliate panel and leak-site mirrors; arrest the two panel administrators.",
                linkedCase, List.of(
                        Map.of("agency", "DE-BKA", "role", "COORDINATOR",
                                "tasks", List.of("Command post in Wiesbaden", "Search two flats in Frankfurt")),
                        Map.of("agency", "NL-NHTC", "role", "PARTICIPANT",
                                "tasks", List.of("Seize the C2 servers", "Arrest the panel administrator"),
                                "targets", List.of("Two servers at a Rotterdam hoster", "Residence in Utrecht")),
                        Map.of("agency", "FR-OFAC", "role", "SUPPORT",
                                "tasks", List.of("Freeze the affiliate payout account"))),
                done, done.plus(10, ChronoUnit.HOURS), "AMBER");
        step("NL-NHTC", emberGate, "participation", Map.of("answer", "ACCEPT"));
        step("FR-OFAC", emberGate, "participation", Map.of("answer", "ACCEPT", "reason", "Support from Nanterre"));
        step("DE-BKA", emberGate, "readiness", Map.of("ready", true));
        step("NL-NHTC", emberGate, "readiness", Map.of("ready", true));
        step("DE-BKA", emberGate, "decision", Map.of("decision", "GO"));
        step("DE-BKA", emberGate, "status", Map.of("status", "IN_PROGRESS"));
        step("DE-BKA", emberGate, "status", Map.of("status", "COMPLETED"));
        step("DE-BKA", emberGate, "outcomes", Map.of("arrests", 1, "searches", 2, "devicesSeized", 9,
                "assetsSeized", List.of(Map.of("kind", "CRYPTOCURRENCY",
                        "description", "1.8 BTC on a hardware wallet", "amount", "98500.00", "currency", "EUR")),
                "serversTakenDown", 2, "domainsTakenDown", 14, "victimsIdentified", 37));
        step("NL-NHTC", emberGate, "outcomes", Map.of("arrests", 1, "searches", 1, "devicesSeized", 6,
                "assetsSeized", List.of(Map.of("kind", "CASH", "description", "Cash found at the residence",
                        "amount", "23400.00", "currency", "EUR")),
                "serversTakenDown", 11, "domainsTakenDown", 3, "victimsIdentified", 52,
                "note", "Panel administrator arrested in Utrecht; servers imaged before shutdown."));
        step("FR-OFAC", emberGate, "outcomes", Map.of("assetsSeized", List.of(Map.of("kind", "BANK_FUNDS",
                        "description", "Affiliate payout account frozen", "amount", "41250.75", "currency", "EUR"),
                Map.of("kind", "BANK_FUNDS", "description", "USD account at a payment provider", "amount", "12000.00",
                        "currency", "USD")), "victimsIdentified", 9));

        Instant planned = now.plus(16, ChronoUnit.DAYS);
        String coldHarbour = propose("Operation Cold Harbour",
                "Coordinated searches against the investment fraud call centre and the money mules behind it.",
                null, List.of(
                        Map.of("agency", "NL-NHTC", "role", "PARTICIPANT",
                                "tasks", List.of("Search the mule accounts' holders"),
                                "targets", List.of("Four residences in Amsterdam")),
                        Map.of("agency", "FR-OFAC", "role", "PARTICIPANT",
                                "tasks", List.of("Search the call centre's front company"),
                                "targets", List.of("Office in Lyon"))),
                planned, planned.plus(8, ChronoUnit.HOURS), "AMBER");
        step("NL-NHTC", coldHarbour, "participation", Map.of("answer", "ACCEPT"));
        step("FR-OFAC", coldHarbour, "participation", Map.of("answer", "ACCEPT"));
        step("DE-BKA", coldHarbour, "readiness", Map.of("ready", true));
        step("NL-NHTC", coldHarbour, "readiness", Map.of("ready", true));
        step("FR-OFAC", coldHarbour, "readiness", Map.of("ready", false,
                "note", "Search warrant still with the investigating judge"));
        LOG.info("Demo data: joint actions {} (completed) and {} (planning) coordinated by DE-BKA", emberGate,
                coldHarbour);
    }

    private String propose(String title, String objective, String linkedCase, List<Map<String, Object>> participants,
                           Instant start, Instant end, String marking) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("objective", objective);
        body.put("participants", participants);
        body.put("windowStart", start.toString());
        body.put("windowEnd", end.toString());
        body.put("handlingMarking", marking);
        if (linkedCase != null) {
            body.put("linkedCases", List.of(linkedCase));
        }
        return call("DE-BKA", "POST", "/api/v1/joint-actions", body, null).get("id").asText();
    }

    /**
     * One step of a joint action. A step at a participant needs the coordinator's message to have arrived, and GO
     * needs every readiness to have reached the coordinator, so a refusal is retried for a while.
     */
    private void step(String agency, String actionId, String what, Map<String, Object> body)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                call(agency, "POST", "/api/v1/joint-actions/" + actionId + "/" + what, body, null);
                return;
            } catch (IllegalStateException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Evidence requests in several states, each step taken by the officer who would take it (a supervisor approves):
     * one awaiting approval, one just received with an emergency deadline, one accepted and in progress, one
     * fulfilled with a manifest.
     */
    private int loadEvidenceRequests(Map<String, String> cases) throws IOException, InterruptedException {
        int made = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> lastWeek = Map.of("from", now.minus(Duration.ofDays(7)).toString(), "to", now.toString());
        if (cases.containsKey("booter") && nodes.containsKey("FR-OFAC")) {
            // drafted at DE-BKA and waiting for a supervisor
            String id = draft("DE-BKA", cases.get("booter"), "FR-OFAC", "EU_EIO", "FORENSIC_ANALYSIS", "NORMAL",
                    "Forensic copy and analysis of the booter front-end server seized by OFAC.",
                    List.of(Map.of("type", "DOMAIN", "domain", "stresser-panel.example", "timeRange", lastWeek)));
            callAs("DE-BKA", "liaison", "POST", "/api/v1/evidence-requests/" + id + "/submit", Map.of(), null);
            made++;
        }
        if (cases.containsKey("lockbit") && nodes.containsKey("NL-NHTC")) {
            // sent and received: NL-NHTC has eight hours to produce
            String id = draft("DE-BKA", cases.get("lockbit"), "NL-NHTC", "EU_EPOC", "TRAFFIC_DATA", "EMERGENCY",
                    "A new victim's systems are being encrypted now; connection logs of the affiliate panel are"
                            + " needed to find the intrusion path.",
                    List.of(Map.of("type", "IP_ADDRESS", "address", "185.220.101.47", "port", 8443,
                            "timestamp", now.minus(Duration.ofHours(3)).toString(), "timeRange", lastWeek)));
            send("DE-BKA", id);
            made++;
        }
        if (cases.containsKey("callCentre") && nodes.containsKey("DE-BKA")) {
            // FR-OFAC asks DE-BKA; DE-BKA accepted and is working on it
            String id = draft("FR-OFAC", cases.get("callCentre"), "DE-BKA", "EU_EPOC", "SUBSCRIBER_INFO", "NORMAL",
                    "The fake fund's payment page is registered with a German provider; subscriber data needed.",
                    List.of(Map.of("type", "URL", "url", "https://fonds-invest-secure.example/pay", "timeRange",
                                    lastWeek),
                            Map.of("type", "EMAIL_ADDRESS", "address", "kontakt@fonds-invest-secure.example",
                                    "timeRange", lastWeek)));
            send("FR-OFAC", id);
            awaitStatus("DE-BKA", id, "RECEIVED");
            decide("DE-BKA", id);
            callAs("DE-BKA", "liaison", "POST", "/api/v1/evidence-requests/" + id + "/progress",
                    Map.of("note", "Production order served on the provider; answer expected this week."), null);
            made++;
        }
        if (cases.containsKey("phishing") && nodes.containsKey("NL-NHTC")) {
            // DE-BKA asked NL-NHTC; NL-NHTC delivered with a manifest
            String id = draft("DE-BKA", cases.get("phishing"), "NL-NHTC", "EU_EPOC", "SUBSCRIBER_INFO", "URGENT",
                    "The Telegram channel's payment wallet was funded from a Dutch exchange account.",
                    List.of(Map.of("type", "ACCOUNT_HANDLE", "service", "telegram.org", "handle", "@sparkasse_kits",
                            "timeRange", lastWeek)));
            send("DE-BKA", id);
            awaitStatus("NL-NHTC", id, "RECEIVED");
            decide("NL-NHTC", id);
            Instant acquired = now.minus(Duration.ofHours(2));
            callAs("NL-NHTC", "liaison", "POST", "/api/v1/evidence-requests/" + id + "/fulfilment", Map.of(
                    "complete", true,
                    "deliveryChannel", "SIENA",
                    "deliveryReference", "SIENA-NL-2026-0311",
                    "items", List.of(Map.of(
                            "description", "Subscriber and payment records of the exchange account",
                            "mediaType", "application/pdf",
                            "sizeBytes", 248_113,
                            "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                            "acquiredAt", acquired.toString(),
                            "acquisitionMethod", "Production order answered by the exchange's compliance desk",
                            "custody", List.of(
                                    Map.of("handledBy", "j.devries@NL-NHTC", "at", acquired.toString(),
                                            "action", "COLLECTED"),
                                    Map.of("handledBy", "j.devries@NL-NHTC",
                                            "at", acquired.plus(Duration.ofMinutes(20)).toString(),
                                            "action", "PRESERVED", "note", "evidence vault 2"))))), null);
            made++;
        }
        return made;
    }

    private String draft(String agency, String caseId, String partner, String instrument, String type, String urgency,
                         String justification, List<Map<String, Object>> items) throws IOException, InterruptedException {
        JsonNode created = callAs(agency, "liaison", "POST", "/api/v1/evidence-requests", Map.of("caseId", caseId,
                "requestedAgency", partner, "instrument", instrument, "type", type, "urgency", urgency,
                "justification", justification, "items", items), null);
        return created.get("id").asText();
    }

    /** Submitted by the liaison officer, approved (and so sent) by a supervisor. */
    private void send(String agency, String id) throws IOException, InterruptedException {
        callAs(agency, "liaison", "POST", "/api/v1/evidence-requests/" + id + "/submit", Map.of(), null);
        callAs(agency, "supervisor", "POST", "/api/v1/evidence-requests/" + id + "/approve", Map.of(), null);
    }

    private void decide(String agency, String id) throws IOException, InterruptedException {
        callAs(agency, "liaison", "POST", "/api/v1/evidence-requests/" + id + "/decision",
                Map.of("decision", "ACCEPT"), null);
    }

    /** The partner holds the request a moment after it was sent. */
    private void awaitStatus(String agency, String id, String status) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                JsonNode request = callAs(agency, "liaison", "GET", "/api/v1/evidence-requests/" + id, null, null);
                if (status.equals(request.get("status").asText())) {
                    return;
                }
            } catch (IllegalStateException notYetThere) {
                // not there yet
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("request " + id + " did not reach " + status + " at " + agency);
            }
            Thread.sleep(250);
        }
    }

    private String openCase(String agency, String title, String summary, List<String> categories, String priority,
                            String marking, List<String> namedRecipients) throws IOException, InterruptedException {
        JsonNode created = call(agency, "POST", "/api/v1/cases", Map.of("title", title, "summary", summary,
                "crimeCategories", categories, "priority", priority, "handlingMarking", marking,
                "namedRecipients", namedRecipients), null);
        return created.get("id").asText();
    }

    private void shareWith(String agency, String caseId, String... partners) throws IOException, InterruptedException {
        for (String partner : partners) {
            if (nodes.containsKey(partner)) {
                call(agency, "POST", "/api/v1/cases/" + caseId + "/shares", Map.of("agency", partner), null);
            }
        }
    }

    private void update(String agency, String caseId, long version, Map<String, Object> changes)
            throws IOException, InterruptedException {
        call(agency, "PATCH", "/api/v1/cases/" + caseId, changes, "\"" + version + "\"");
    }

    /** A partner's contribution needs its copy of the case, which arrives a moment after the share. */
    private void contribute(String agency, String caseId, String kind, String text)
            throws IOException, InterruptedException {
        if (!nodes.containsKey(agency)) {
            return;
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                call(agency, "POST", "/api/v1/cases/" + caseId + "/contributions", Map.of("kind", kind, "text", text),
                        null);
                return;
            } catch (IllegalStateException notYetThere) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYetThere;
                }
                Thread.sleep(250);
            }
        }
    }

    private JsonNode call(String agency, String method, String path, Object body, String ifMatch)
            throws IOException, InterruptedException {
        return callAs(agency, "liaison", method, path, body, ifMatch);
    }

    private JsonNode callAs(String agency, String user, String method, String path, Object body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(agency).caseServiceUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(agency, user))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " at " + agency + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    private String token(String agency, String user) throws IOException, InterruptedException {
        String token = tokens.get(agency + "/" + user);
        if (token == null) {
            token = login(agency, user);
            tokens.put(agency + "/" + user, token);
        }
        return token;
    }

    private String login(String agency, String username) throws IOException, InterruptedException {
        HttpRequest login = HttpRequest.newBuilder(URI.create(nodes.get(agency).caseServiceUrl() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("username", username, "password", password))))
                .build();
        HttpResponse<String> response = http.send(login, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("demo login of " + username + " at " + agency + " failed: "
                    + response.statusCode());
        }
        return json.readTree(response.body()).get("access_token").asText();
    }
}
