package io.jenkins.plugins.releasepromotion.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What the open page asked of the network and wrote to its console, read from chromedriver's performance log (the
 * DevTools events of the tab) and browser log (its console). Reading a log empties it in chromedriver, so what was
 * read is kept here until the next page.
 */
final class PageLogs {
    private static final ObjectMapper JSON = new ObjectMapper();
    // The browser's own pages (the new tab page it starts on), which never reach the network.
    private static final List<String> BROWSER_SCHEMES = List.of("chrome:", "chrome-untrusted:", "chrome-extension:");
    // Chromium asks an http page's origin for /favicon.ico by itself, once per origin, sometimes after the load event.
    private static final Pattern FAVICON_NOT_FOUND =
            Pattern.compile("\\S+ \\S+/favicon\\.ico - Failed to load resource");

    private final WebDriver driver;
    private final List<String> requested = new ArrayList<>();
    private final List<String> console = new ArrayList<>();
    private String page = "";

    PageLogs(WebDriver driver) {
        this.driver = driver;
    }

    /** Forgets everything seen so far, including what chromedriver still holds, before {@code next} opens. */
    void reset(URI next) {
        collect();
        requested.clear();
        console.clear();
        page = withoutFragment(next.toString());
    }

    /**
     * Every URL requested since the last reset, in order, redirects included, except the page itself, {@code data:}
     * URIs, the browser's own pages and the icon Chromium asks an http origin for by itself.
     */
    List<String> requested() {
        collect();
        return requested.stream()
                .filter(url -> !url.equals(page) && !url.startsWith("data:"))
                .toList();
    }

    /**
     * Every console entry of level warning or above since the last reset, as "LEVEL message", except the failure to
     * load the icon Chromium asked for by itself.
     */
    List<String> console() {
        collect();
        return console.stream()
                .filter(line -> !FAVICON_NOT_FOUND.matcher(line).lookingAt())
                .toList();
    }

    private void collect() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode event = parse(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(event.path("method").asText())) {
                JsonNode request = event.path("params");
                String url = request.path("request").path("url").asText();
                if (BROWSER_SCHEMES.stream().noneMatch(url::startsWith) && !browsersOwnIcon(request, url)) {
                    requested.add(url);
                }
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                console.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
    }

    private static boolean browsersOwnIcon(JsonNode request, String url) {
        return url.endsWith("/favicon.ico")
                && "Other".equals(request.path("type").asText())
                && "other".equals(request.path("initiator").path("type").asText());
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("chromedriver wrote a performance log entry that is not JSON: " + json, e);
        }
    }
}
