package io.jenkins.plugins.releasepromotion.browser;

import io.jenkins.plugins.releasepromotion.cli.ReleasePromotionCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The screenshots of docs/images (bin/screenshots runs this): the demo is run in a temporary folder and its release
 * record page opened in headless Chromium, at a desktop width with the pointer over a failed production mark, and at a
 * phone's width.
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) throws IOException {
        Path images = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(images);
        Path sandbox = Files.createTempDirectory("release-promotion-screenshots-");
        StringWriter story = new StringWriter();
        CommandLine demo = ReleasePromotionCommand.commandLine();
        demo.setOut(new PrintWriter(story, true));
        demo.setErr(new PrintWriter(story, true));
        int code =
                demo.execute("demo", "--yes", "--dir", sandbox.resolve("demo").toString());
        Path page = sandbox.resolve("demo/release-record.html");
        if (code != 0 || !Files.isRegularFile(page)) {
            System.err.print(story);
            throw new IllegalStateException("the demo ended with exit code " + code + " and no page in " + page);
        }
        try (HeadlessBrowser browser = HeadlessBrowser.start()) {
            browser.open(page.toUri(), 1280, 900);
            browser.hover("[data-environment=production] .rp-failure .rp-shape");
            browser.screenshot(images.resolve("release-record.png"));
            browser.open(page.toUri(), 375, 800);
            browser.screenshot(images.resolve("release-record-phone.png"));
        }
        System.out.println("Wrote " + images.resolve("release-record.png") + " and "
                + images.resolve("release-record-phone.png") + " from the demo's page " + page);
    }
}
