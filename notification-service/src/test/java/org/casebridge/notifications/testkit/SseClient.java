package org.casebridge.notifications.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background, as a browser's EventSource would, and keeps the events. */
public final class SseClient implements AutoCloseable {

    /** One event: its name and data. */
    public record ServerEvent(String name, String data) {
    }

    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    public SseClient(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            status = answer.statusCode();
            String[] name = {"message"};
            StringBuilder data = new StringBuilder();
            answer.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new ServerEvent(name[0], data.toString()));
                    }
                    name[0] = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            });
        });
    }

    public int status() {
        return status;
    }

    public List<ServerEvent> events() {
        return List.copyOf(events);
    }

    public List<ServerEvent> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }

}
