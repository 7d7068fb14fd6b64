package io.jenkins.plugins.releasepromotion.browser;

/** The scripts {@link HeadlessBrowser} runs in the page to read what a person sees. */
final class PageScripts {
    /** The text of {@code arguments[0]}: innerText for HTML, whitespace-collapsed text content for SVG. */
    static final String TEXT = "const e = arguments[0];"
            + " return 'innerText' in e ? e.innerText : e.textContent.replace(/\\s+/g, ' ').trim();";

    /** Whether {@code arguments[0]} is shown: rendered, not hidden, not transparent, with a size. */
    static final String VISIBLE = "const e = arguments[0]; const box = e.getBoundingClientRect();"
            + " return box.width > 0 && box.height > 0"
            + " && e.checkVisibility({opacityProperty: true, visibilityProperty: true});";

    /** The focused element as [tag, id, class, text, aria-label]. */
    static final String FOCUSED = "const e = document.activeElement || document.body;"
            + " const text = 'innerText' in e ? e.innerText : e.textContent;"
            + " return [e.tagName.toLowerCase(), e.id || '', e.getAttribute('class') || '',"
            + " (text || '').replace(/\\s+/g, ' ').trim(), e.getAttribute('aria-label') || ''];";

    /** The smallest font size in px among the shown elements matching {@code arguments[0]} that hold text. */
    static final String SMALLEST_FONT = "let smallest = null;"
            + " for (const e of document.querySelectorAll(arguments[0])) {"
            + "   const ownText = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim() !== '');"
            + "   const box = e.getBoundingClientRect();"
            + "   if (!ownText || box.width === 0 || box.height === 0"
            + "       || !e.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;"
            + "   const size = parseFloat(getComputedStyle(e).fontSize);"
            + "   if (smallest === null || size < smallest) smallest = size;"
            + " }"
            + " return smallest;";

    private PageScripts() {}
}
