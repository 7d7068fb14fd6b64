package io.jenkins.plugins.releasepromotion.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser the page tests look through, shown able to see each kind of fault, on pages served from loopback ports
 * and from files. One Chromium serves the whole class.
 */
class HeadlessBrowserTest {
    private static final String STRICT_POLICY = "default-src 'none'; style-src 'self'";
    // The smallest PNG: one transparent pixel.
    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String TOOLTIP_STYLE =
            "<style>.tip { visibility: hidden } g:focus .tip, .box:hover .tip { visibility: visible }</style>";

    private static HeadlessBrowser browser;
    private static HttpServer site;
    private static HttpServer elsewhere;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        site = loopbackServer();
        site.createContext(
                "/style.css", exchange -> send(exchange, "text/css", "p { color: navy }".getBytes(UTF_8), ""));
        elsewhere = loopbackServer();
        elsewhere.createContext("/pixel.png", exchange -> send(exchange, "image/png", PIXEL, ""));
        browser = HeadlessBrowser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            site.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void refusesToStartWithoutChromiumInOneLine() {
        assertThatThrownBy(() -> HeadlessBrowser.start(dir.resolve("chromium"), Chromium.DRIVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Headless Chromium is needed by the page tests: install Debian's chromium and chromium-driver"
                                + " (apt-get install chromium chromium-driver); .ci/run does.");
        assertThatThrownBy(() -> HeadlessBrowser.start(Chromium.BINARY, dir.resolve("chromedriver")))
                .hasMessage(Chromium.MISSING);
    }

    @Test
    void startsOnAProfileOfItsOwnAndLeavesNoneBehind() {
        Path profile;
        try (HeadlessBrowser second = HeadlessBrowser.start()) {
            profile = second.profile();
            assertThat(profile).isDirectory().isNotEqualTo(browser.profile());
        }
        assertThat(profile).doesNotExist();
    }

    @Test
    void seesAnImageFromAnotherPortAndOneThatFails() throws IOException {
        String pixel = url(elsewhere, "/pixel.png");
        String gone = "http://127.0.0.1:" + closedPort() + "/gone.png";
        URI page = served(
                "/images.html",
                "",
                "<img src='" + pixel + "' alt=a><img src='" + gone + "' alt=b>" + "<img src='data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(PIXEL) + "' alt=c>");

        browser.open(page, 800, 600);

        assertThat(browser.requests()).containsExactly(pixel, gone);
        assertThat(browser.consoleErrors())
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains(gone, "ERR_CONNECTION_REFUSED");
    }

    @Test
    void aSelfContainedPageRequestsNothing() throws IOException {
        browser.open(
                file(
                        "inline.html",
                        "<style>p { color: navy }</style><p>All here</p>" + "<img alt=dot src='data:image/png;base64,"
                                + Base64.getEncoder().encodeToString(PIXEL) + "'>"),
                800,
                600);

        assertThat(browser.requests()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theIconChromiumAsksForByItselfIsNoFaultOfThePage() throws IOException {
        HttpServer fresh = loopbackServer();
        try {
            byte[] bytes = html("<p>No icon named</p>").getBytes(UTF_8);
            fresh.createContext("/plain.html", exchange -> send(exchange, "text/html; charset=utf-8", bytes, ""));

            browser.open(URI.create(url(fresh, "/plain.html")), 800, 600);

            assertThat(browser.requests()).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            fresh.stop(0);
        }
    }

    @Test
    void seesConsoleErrorsWarningsAndUncaughtExceptions() throws IOException {
        browser.open(
                file(
                        "faulty.html",
                        "<p>Figures</p><script>console.error('figure missing');"
                                + " console.warn('window too short'); console.log('fine'); throw new Error('boom');</script>"),
                800,
                600);

        assertThat(browser.consoleErrors())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("SEVERE").contains("figure missing"))
                .anySatisfy(line -> assertThat(line).startsWith("WARNING").contains("window too short"))
                .anySatisfy(line -> assertThat(line).startsWith("SEVERE").contains("Uncaught Error: boom"));
    }

    @Test
    void seesWhatAStrictContentSecurityPolicyBlocks() {
        String pixel = url(elsewhere, "/pixel.png");
        URI page = served(
                "/strict.html",
                STRICT_POLICY,
                "<p style='color: red'>Styled inline</p>" + "<script>document.title = 'ran';</script><img src='" + pixel
                        + "' alt=a>");

        browser.open(page, 800, 600);

        assertThat(browser.consoleErrors())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("inline script", "Content Security Policy"))
                .anySatisfy(line -> assertThat(line).contains("inline style", "Content Security Policy"))
                .anySatisfy(line -> assertThat(line).contains(pixel, "Content Security Policy"));
        assertThat(browser.requests()).containsExactly(pixel);
        assertThat(browser.script("return document.title;")).isEqualTo("fixture");
    }

    @Test
    void aPageThatKeepsTheStrictPolicyLogsNothing() {
        URI page =
                served("/kept.html", STRICT_POLICY, "<link rel=stylesheet href='/style.css'><p>Styled by a file</p>");

        browser.open(page, 800, 600);

        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.requests()).containsExactly(url(site, "/style.css"));
        assertThat(browser.computedStyle("p", "color")).isEqualTo("rgb(0, 0, 128)");
    }

    @Test
    void eachOpenSeesOnlyItsOwnPage() throws IOException {
        browser.open(
                file(
                        "noisy.html",
                        "<script>console.error('noise')</script>" + "<img alt=a src='" + url(elsewhere, "/pixel.png")
                                + "'>"),
                800,
                600);
        assertThat(browser.consoleErrors()).hasSize(1);

        browser.open(file("quiet.html", "<p>Quiet</p>"), 800, 600);

        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.requests()).isEmpty();
    }

    @Test
    void tabReachesAnSvgMarkAndShowsItsTooltip() throws IOException {
        browser.open(
                file(
                        "timeline.html",
                        TOOLTIP_STYLE + "<svg width='300' height='80' role='img'>"
                                + "<g id='mark' class='mark promotion' tabindex='0' aria-label='v1.2.3 promoted to production'>"
                                + "<circle cx='20' cy='20' r='8'/><text class='tip' x='40' y='25'>v1.2.3 by alice</text></g></svg>"),
                800,
                600);
        assertThat(browser.focusedElement().tag()).isEqualTo("body");
        assertThat(browser.isVisible(".tip")).isFalse();

        browser.pressTab();

        assertThat(browser.focusedElement())
                .isEqualTo(new FocusedElement(
                        "g", "mark", "mark promotion", "v1.2.3 by alice", "v1.2.3 promoted to production"));
        assertThat(browser.isVisible(".tip")).isTrue();
    }

    @Test
    void hoverShowsATooltip() throws IOException {
        browser.open(
                file(
                        "tile.html",
                        TOOLTIP_STYLE + "<div class='box'>production"
                                + " <span class='tip'>verified 5 minutes ago</span></div>"),
                800,
                600);
        assertThat(browser.isVisible(".tip")).isFalse();

        browser.hover(".box");

        assertThat(browser.isVisible(".tip")).isTrue();
    }

    @Test
    void aNarrowViewportShowsWhatOverflows() throws IOException {
        browser.open(file("wide.html", "<div style='width: 600px'>A wide table</div>"), 320, 640);
        assertThat(browser.viewportWidth()).isEqualTo(320);
        assertThat(browser.documentScrollWidth()).isGreaterThan(320);

        browser.open(file("fluid.html", "<div style='max-width: 600px'>A fluid table</div>"), 320, 640);
        assertThat(browser.documentScrollWidth()).isLessThanOrEqualTo(browser.viewportWidth());
    }

    @Test
    void findsTheSmallestTextThatCanBeSeen() throws IOException {
        browser.open(
                file(
                        "fonts.html",
                        "<style>body { font-size: 16px } small { font-size: 10px }"
                                + " .hidden { display: none; font-size: 4px } .clear { opacity: 0; font-size: 5px }</style>"
                                + "<p>Lead time <small>median</small></p><p class='hidden'>gone</p><p class='clear'>clear</p>"
                                + "<div><span></span></div>"),
                1280,
                800);

        assertThat(browser.smallestFontSizePx("body *")).isEqualTo(10.0);
        assertThat(browser.computedStyle("p", "font-size")).isEqualTo("16px");
        assertThat(browser.isVisible(".hidden")).isFalse();
        assertThat(browser.isVisible(".clear")).isFalse();
    }

    @Test
    void readsTextsAndAttributes() throws IOException {
        browser.open(
                file(
                        "tiles.html",
                        "<h1>What runs where</h1><ul><li>staging <b>v1.2.4</b></li>"
                                + "<li>production v1.2.3</li></ul><a href='#production' title='Go'>production</a>"),
                800,
                600);

        assertThat(browser.text("h1")).isEqualTo("What runs where");
        assertThat(browser.all("li")).containsExactly("staging v1.2.4", "production v1.2.3");
        assertThat(browser.attribute("a", "href")).isEqualTo("#production");
        assertThat(browser.attribute("a", "rel")).isNull();
        assertThat(browser.all("table")).isEmpty();
        assertThatThrownBy(() -> browser.text("table"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no element matches table on file:");
    }

    @Test
    void screenshotIsAPngOfTheWholePage() throws IOException {
        browser.open(file("long.html", "<div style='height: 1500px'>A long history</div>"), 320, 480);
        Path png = dir.resolve("page.png");

        browser.screenshot(png);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
        // IHDR, the first chunk, holds the width and the height at bytes 16 and 20.
        assertThat(ByteBuffer.wrap(bytes, 16, 4).getInt()).isEqualTo(320);
        assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).isGreaterThanOrEqualTo(1500);
    }

    private URI file(String name, String body) throws IOException {
        Path page = dir.resolve(name);
        Files.writeString(page, html(body));
        return page.toUri();
    }

    private static URI served(String path, String policy, String body) {
        byte[] bytes = html(body).getBytes(UTF_8);
        site.createContext(path, exchange -> send(exchange, "text/html; charset=utf-8", bytes, policy));
        return URI.create(url(site, path));
    }

    private static String html(String body) {
        return "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>fixture</title></head><body>" + body
                + "</body></html>";
    }

    private static void send(HttpExchange exchange, String type, byte[] body, String policy) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (!policy.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Security-Policy", policy);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static HttpServer loopbackServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
