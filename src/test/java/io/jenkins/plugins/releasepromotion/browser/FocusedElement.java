package io.jenkins.plugins.releasepromotion.browser;

/**
 * The element that has the keyboard focus, as a person and a screen reader know it.
 *
 * @param tag its tag name in lower case ({@code body} when nothing is focused)
 * @param id its {@code id}, empty when it has none
 * @param className its {@code class} attribute, empty when it has none
 * @param text its visible text ({@code textContent} for SVG elements)
 * @param ariaLabel its {@code aria-label}, empty when it has none
 */
public record FocusedElement(String tag, String id, String className, String text, String ariaLabel) {}
