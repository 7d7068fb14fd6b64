package io.jenkins.plugins.releasepromotion.config;

import java.util.function.Consumer;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A submitted configuration form. Stapler's {@code bindJSON(bean, json)} sets each field of the form through the
 * bean's setter ({@code RequestImpl.bindJSON}, stapler 2050.v425108fd5089 lines 636-651); here the setters a form
 * would call are given directly.
 */
final class FormRequest implements StaplerRequest2 {
    private final Consumer<ReleasePromotionConfiguration> form;

    FormRequest(Consumer<ReleasePromotionConfiguration> form) {
        this.form = form;
    }

    @Override
    public void bindJSON(Object bean, JSONObject src) {
        form.accept((ReleasePromotionConfiguration) bean);
    }

    @Override
    public <T> T bindJSON(Class<T> type, JSONObject src) {
        throw new UnsupportedOperationException("the global configuration is bound in place");
    }
}
