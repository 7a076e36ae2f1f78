package org.casebridge.cases.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CasePriority;
import org.casebridge.cases.domain.CaseReference;
import org.casebridge.cases.domain.CaseShare;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.Contribution;
import org.casebridge.cases.domain.ContributionKind;
import org.casebridge.cases.domain.ShareStatus;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.node.persistence.Sql;

/** Cases, their shares and contributions in PostgreSQL. Every method runs in the caller's transaction. */
@Singleton
public class CaseStore {

    private static final String CASE_COLUMNS = "id, reference, lead_agency, title, summary, crime_categories, status,"
            + " priority, marking, named_recipients, version, opened_at, updated_at, created_by";

    private final Sql sql;

    public CaseStore(Sql sql) {
        this.sql = sql;
    }

    /** The next running number of case references for a year. */
    public long nextReferenceNumber(int year) {
        return sql.queryOne("INSERT INTO case_reference_counter (year, last_number) VALUES (?, 1) ON CONFLICT (year)"
                + " DO UPDATE SET last_number = case_reference_counter.last_number + 1 RETURNING last_number",
                row -> row.getLong(1), year).orElseThrow();
    }

    public void insert(CaseFile caseFile) {
        sql.update("INSERT INTO case_file (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                caseFile.id(), caseFile.reference().value(), caseFile.leadAgency(), caseFile.title(),
                caseFile.summary(), caseFile.crimeCategories(), caseFile.status(), caseFile.priority(),
                caseFile.marking(), caseFile.namedRecipients(), caseFile.version(), caseFile.openedAt(),
                caseFile.updatedAt(), caseFile.createdBy());
    }

    /**
     * Stores a new revision of a case.
     *
     * @return false if the stored revision was not the one before (someone else updated it first)
     */
    public boolean update(CaseFile caseFile) {
        return sql.update("UPDATE case_file SET title = ?, summary = ?, crime_categories = ?, status = ?, priority = ?,"
                        + " marking = ?, named_recipients = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
                caseFile.title(), caseFile.summary(), caseFile.crimeCategories(), caseFile.status(),
                caseFile.priority(), caseFile.marking(), caseFile.namedRecipients(), caseFile.version(),
                caseFile.updatedAt(), caseFile.id(), caseFile.version() - 1) == 1;
    }

    /**
     * Stores a partner's case as a copy, unless this node already holds that revision or a later one (messages
     * about one case arrive in order, but a redelivery must not roll a copy back).
     *
     * @return true if the copy changed
     */
    public boolean upsertCopy(CaseFile copy) {
        return sql.update("INSERT INTO case_file (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary,"
                        + " crime_categories = excluded.crime_categories, status = excluded.status,"
                        + " priority = excluded.priority, marking = excluded.marking,"
                        + " named_recipients = excluded.named_recipients, version = excluded.version,"
                        + " updated_at = excluded.updated_at"
                        + " WHERE case_file.version < excluded.version AND case_file.lead_agency = excluded.lead_agency",
                copy.id(), copy.reference().value(), copy.leadAgency(), copy.title(), copy.summary(),
                copy.crimeCategories(), copy.status(), copy.priority(), copy.marking(), copy.namedRecipients(),
                copy.version(), copy.openedAt(), copy.updatedAt(), copy.createdBy()) == 1;
    }

    /** Removes a partner's case and everything hanging off it (shares, contributions). */
    public boolean delete(UUID id) {
        return sql.update("DELETE FROM case_file WHERE id = ?", id) == 1;
    }

    public Optional<CaseFile> find(UUID id) {
        return sql.queryOne("SELECT " + CASE_COLUMNS + " FROM case_file WHERE id = ?", CaseStore::caseFile, id);
    }

    /** Reads a case and locks it until the transaction ends, so changes to one case queue up. */
    public Optional<CaseFile> lock(UUID id) {
        return sql.queryOne("SELECT " + CASE_COLUMNS + " FROM case_file WHERE id = ? FOR UPDATE", CaseStore::caseFile, id);
    }

    /** One page of cases matching a query, with the total count. */
    public CasePage search(CaseQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status());
        }
        if (query.category() != null) {
            where.append(" AND crime_categories @> ARRAY[?]::text[]");
            parameters.add(query.category());
        }
        if (query.marking() != null) {
            where.append(" AND marking = ?");
            parameters.add(query.marking());
        }
        if (query.partner() != null) {
            where.append(" AND (lead_agency = ? OR EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = case_file.id"
                    + " AND s.agency = ? AND s.status = 'ACTIVE'))");
            parameters.add(query.partner());
            parameters.add(query.partner());
        }
        String rank = "0";
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND search @@ websearch_to_tsquery('simple', ?)");
            parameters.add(query.text());
            rank = "ts_rank(search, websearch_to_tsquery('simple', ?))";
        }
        long total = sql.queryOne("SELECT count(*) FROM case_file" + where, row -> row.getLong(1),
                parameters.toArray()).orElse(0L);
        List<Object> pageParameters = new ArrayList<>();
        if (!rank.equals("0")) {
            pageParameters.add(query.text());
        }
        pageParameters.addAll(parameters);
        pageParameters.add(query.size());
        pageParameters.add((long) query.page() * query.size());
        List<CaseFile> cases = sql.query("SELECT " + CASE_COLUMNS + ", " + rank + " AS rank FROM case_file" + where
                        + " ORDER BY " + query.sort().orderBy + " LIMIT ? OFFSET ?",
                CaseStore::caseFile, pageParameters.toArray());
        return new CasePage(cases, total);
    }

    /** A page of cases and how many match in all. */
    public record CasePage(List<CaseFile> cases, long total) {
    }

    public void insertShare(CaseShare share) {
        sql.update("INSERT INTO case_share (case_id, agency, status, shared_at, shared_by) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (case_id, agency) DO UPDATE SET status = excluded.status,"
                        + " shared_at = excluded.shared_at, shared_by = excluded.shared_by, revoked_at = NULL,"
                        + " purged_at = NULL",
                share.caseId(), share.agency(), share.status(), share.sharedAt(), share.sharedBy());
    }

    public List<CaseShare> shares(UUID caseId) {
        return sql.query("SELECT * FROM case_share WHERE case_id = ? ORDER BY shared_at, agency", CaseStore::share, caseId);
    }

    public Optional<CaseShare> share(UUID caseId, String agency) {
        return sql.queryOne("SELECT * FROM case_share WHERE case_id = ? AND agency = ?", CaseStore::share, caseId, agency);
    }

    public List<String> activeShareAgencies(UUID caseId) {
        return sql.query("SELECT agency FROM case_share WHERE case_id = ? AND status = 'ACTIVE' ORDER BY agency",
                row -> row.getString(1), caseId);
    }

    public boolean revokeShare(UUID caseId, String agency, Instant at) {
        return sql.update("UPDATE case_share SET status = 'REVOKED', revoked_at = ? WHERE case_id = ? AND agency = ?"
                + " AND status = 'ACTIVE'", at, caseId, agency) == 1;
    }

    public boolean markPurged(UUID caseId, String agency, Instant at) {
        return sql.update("UPDATE case_share SET status = 'PURGED', purged_at = ? WHERE case_id = ? AND agency = ?"
                + " AND status = 'REVOKED'", at, caseId, agency) == 1;
    }

    /** On a copy: the partners the lead says the case is shared with. */
    public void replaceCopyShares(UUID caseId, Collection<String> agencies, Instant at) {
        sql.update("DELETE FROM case_share WHERE case_id = ?", caseId);
        for (String agency : agencies) {
            sql.update("INSERT INTO case_share (case_id, agency, status, shared_at) VALUES (?, ?, 'ACTIVE', ?)",
                    caseId, agency, at);
        }
    }

    /** @return false if the contribution was stored before (a redelivery) */
    public boolean insertContribution(Contribution contribution) {
        return sql.update("INSERT INTO case_contribution (id, case_id, agency, author, kind, text, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                contribution.id(), contribution.caseId(), contribution.agency(), contribution.author(),
                contribution.kind(), contribution.text(), contribution.createdAt()) == 1;
    }

    public List<Contribution> contributions(UUID caseId) {
        return sql.query("SELECT * FROM case_contribution WHERE case_id = ? ORDER BY created_at, id",
                row -> new Contribution(Sql.uuid(row, "id"), Sql.uuid(row, "case_id"), row.getString("agency"),
                        row.getString("author"), ContributionKind.valueOf(row.getString("kind")), row.getString("text"),
                        Sql.instant(row, "created_at")),
                caseId);
    }

    private static CaseFile caseFile(ResultSet row) throws SQLException {
        return new CaseFile(Sql.uuid(row, "id"), new CaseReference(row.getString("reference")),
                row.getString("lead_agency"), row.getString("title"), row.getString("summary"),
                Sql.textSet(row, "crime_categories"), CaseStatus.valueOf(row.getString("status")),
                CasePriority.valueOf(row.getString("priority")), HandlingMarking.valueOf(row.getString("marking")),
                Sql.textSet(row, "named_recipients"), row.getLong("version"), Sql.instant(row, "opened_at"),
                Sql.instant(row, "updated_at"), row.getString("created_by"));
    }

    private static CaseShare share(ResultSet row) throws SQLException {
        return new CaseShare(Sql.uuid(row, "case_id"), row.getString("agency"),
                ShareStatus.valueOf(row.getString("status")), Sql.instant(row, "shared_at"), row.getString("shared_by"),
                Sql.instant(row, "revoked_at"), Sql.instant(row, "purged_at"));
    }
}
