package io.jenkins.plugins.releasepromotion.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Headless Chromium driven through chromedriver, both Debian's ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}): opens a page at a given viewport size and tells what a person would see, what the
 * page fetched and what it wrote to its console. Nothing is ever downloaded: no Selenium Manager, no browser of its
 * own. Starting one takes seconds, so share one per test class; {@link #open} starts every check afresh.
 */
public final class HeadlessBrowser implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;
    private final PageLogs logs;
    private URI page = URI.create("about:blank");

    private HeadlessBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.logs = new PageLogs(driver);
    }

    /** Starts headless Chromium with a fresh profile; fails with one line if Chromium or chromedriver is missing. */
    public static HeadlessBrowser start() {
        return start(Chromium.BINARY, Chromium.DRIVER);
    }

    static HeadlessBrowser start(Path chromium, Path chromedriver) {
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException(Chromium.MISSING);
        }
        Path profile = Chromium.temporaryProfile();
        try {
            return new HeadlessBrowser(Chromium.launch(chromium, chromedriver, profile), profile);
        } catch (RuntimeException e) {
            Chromium.delete(profile);
            throw e;
        }
    }

    /**
     * Opens {@code page} (a {@code file:} URI or an {@code http://127.0.0.1} URL) with a viewport of {@code width} by
     * {@code height} CSS pixels and waits for its load event. What was requested and logged before is forgotten.
     */
    public void open(URI page, int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        logs.reset(page);
        this.page = page;
        driver.get(page.toString());
    }

    /**
     * Every URL the open page requested, in order, whether it loaded, failed or was blocked (by the Content Security
     * Policy, say). Left out: the page's own URL, {@code data:} URIs (they never reach the network) and the
     * {@code /favicon.ico} Chromium asks an http page's origin for by itself.
     */
    public List<String> requests() {
        return logs.requested();
    }

    /**
     * The open page's console messages of level warning or error, each as "LEVEL message": {@code console.error} and
     * {@code console.warn}, uncaught exceptions, resources that failed to load and Content Security Policy violations
     * (not the failure to load the {@code /favicon.ico} Chromium asked for by itself).
     */
    public List<String> consoleErrors() {
        return logs.console();
    }

    /** The visible text of the first element matching {@code css} ({@code innerText}; for SVG its text content). */
    public String text(String css) {
        return (String) script(PageScripts.TEXT, find(css));
    }

    /** The visible text of every element matching {@code css}, in document order. */
    public List<String> all(String css) {
        List<String> texts = new ArrayList<>();
        for (WebElement element : driver.findElements(By.cssSelector(css))) {
            texts.add((String) script(PageScripts.TEXT, element));
        }
        return texts;
    }

    /** The attribute {@code name} of the first element matching {@code css}, or null when it has none. */
    public String attribute(String css, String name) {
        return find(css).getDomAttribute(name);
    }

    /**
     * Whether the first element matching {@code css} can be seen: neither it nor an ancestor has {@code display:
     * none} or opacity 0, it is {@code visibility: visible}, and it has a size.
     */
    public boolean isVisible(String css) {
        return (Boolean) script(PageScripts.VISIBLE, find(css));
    }

    /** Presses the Tab key, as a person moving through the page by keyboard. */
    public void pressTab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }

    /** The element that has the keyboard focus ({@code body} when none has). */
    public FocusedElement focusedElement() {
        @SuppressWarnings("unchecked")
        List<String> parts = (List<String>) script(PageScripts.FOCUSED);
        return new FocusedElement(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4));
    }

    /** Moves the mouse over the first element matching {@code css}. */
    public void hover(String css) {
        new Actions(driver).moveToElement(find(css)).perform();
    }

    /** The computed value of a CSS {@code property} of the first element matching {@code css}, e.g. "16px". */
    public String computedStyle(String css, String property) {
        return (String)
                script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", find(css), property);
    }

    /** The width of the whole document in CSS pixels; wider than {@link #viewportWidth()} when something overflows. */
    public long documentScrollWidth() {
        return ((Number) script("return document.documentElement.scrollWidth;")).longValue();
    }

    /** The width of the viewport in CSS pixels ({@code window.innerWidth}): the width given to {@link #open}. */
    public long viewportWidth() {
        return ((Number) script("return window.innerWidth;")).longValue();
    }

    /**
     * The smallest computed font size, in CSS pixels, of the visible elements matching {@code css} that hold text of
     * their own (e.g. {@code "body *"}); hidden text, such as a tooltip not shown, is left out.
     */
    public double smallestFontSizePx(String css) {
        Object smallest = script(PageScripts.SMALLEST_FONT, css);
        if (smallest == null) {
            throw new AssertionError("no visible element with text matches " + css + " on " + page);
        }
        return ((Number) smallest).doubleValue();
    }

    /** Writes a PNG of the whole page (beyond the viewport when the page is longer or wider) to {@code png}. */
    public void screenshot(Path png) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        @SuppressWarnings("unchecked")
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
        Map<String, Object> clip = Map.of(
                "x", 0,
                "y", 0,
                "width", larger(content.get("width"), viewport.get("clientWidth")),
                "height", larger(content.get("height"), viewport.get("clientHeight")),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code js} in the page (its {@code return} value comes back; arguments are {@code arguments[i]}). */
    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            Chromium.delete(profile);
        }
    }

    /** The profile directory this browser started on, removed by {@link #close}. */
    Path profile() {
        return profile;
    }

    private WebElement find(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        if (found.isEmpty()) {
            throw new AssertionError("no element matches " + css + " on " + page);
        }
        return found.get(0);
    }

    private static double larger(Object a, Object b) {
        return Math.max(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
}
