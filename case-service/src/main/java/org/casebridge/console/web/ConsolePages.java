package org.casebridge.console.web;

/** Pages the console answers outside a controller, where no template engine is at hand. */
final class ConsolePages {

    private ConsolePages() {
    }

    /** The answer to a form whose CSRF token is missing or no longer valid (signed out, node restarted). */
    static String expiredForm() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Form expired - CaseBridge</title>
                <link rel="stylesheet" href="/static/console.css"></head>
                <body><main id="main"><h1>This form has expired</h1>
                <p>For your safety the console only accepts forms it has just shown you. Go back, reload the page
                and send the form again, or <a href="/sign-in">sign in</a> again.</p></main></body></html>
                """;
    }
}
