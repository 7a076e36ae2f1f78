package org.casebridge.cases.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.casebridge.cases.domain.CrimeCategory;
import org.casebridge.cases.domain.CrimeTaxonomy;

/** Loads the crime taxonomy shipped with the node. */
@Factory
public class CrimeTaxonomyFactory {

    static final String RESOURCE = "org/casebridge/cases/crime-taxonomy.json";

    @Singleton
    CrimeTaxonomy crimeTaxonomy(ObjectMapper json) {
        try (InputStream in = CrimeTaxonomyFactory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the crime taxonomy " + RESOURCE + " is missing");
            }
            TaxonomyDocument document = json.readValue(in, TaxonomyDocument.class);
            return new CrimeTaxonomy(document.version(), document.categories().stream()
                    .map(c -> new CrimeCategory(c.code(), c.label(), c.source())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crime taxonomy", e);
        }
    }

    @Serdeable
    record TaxonomyDocument(String version, List<CategoryDocument> categories) {
    }

    @Serdeable
    record CategoryDocument(String code, String label, String source) {
    }
}
