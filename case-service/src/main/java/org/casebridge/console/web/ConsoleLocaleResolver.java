package org.casebridge.console.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's language: the one chosen in the console (a cookie), else the best of the browser's languages the
 * console speaks, else English. Only languages with a message bundle are ever answered, so a page never mixes
 * languages.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public class ConsoleLocaleResolver implements HttpLocaleResolver {

    /** The cookie holding the language chosen in the console. */
    public static final String LANGUAGE_COOKIE = "casebridge_lang";
    /** Languages with a complete message bundle, the first being the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(resolveOrDefault(request));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        Optional<Locale> chosen = ConsoleSession.cookieValue(request, LANGUAGE_COOKIE).flatMap(ConsoleLocaleResolver::supported);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        String accept = request.getHeaders().get("Accept-Language");
        if (accept != null) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // A malformed header counts as no preference.
            }
        }
        return SUPPORTED.get(0);
    }

    /** The supported language with this tag ({@code de}), if there is one. */
    public static Optional<Locale> supported(String tag) {
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(tag)).findFirst();
    }
}
