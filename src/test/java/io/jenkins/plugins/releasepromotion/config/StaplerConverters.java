package io.jenkins.plugins.releasepromotion.config;

import java.net.MalformedURLException;
import java.net.URL;
import org.apache.commons.beanutils.ConversionException;
import org.apache.commons.beanutils.ConvertUtilsBean;
import org.apache.commons.beanutils.Converter;
import org.apache.commons.beanutils.converters.DoubleConverter;
import org.apache.commons.beanutils.converters.FloatConverter;
import org.apache.commons.beanutils.converters.IntegerConverter;

/**
 * The converters Stapler turns form and Configuration as Code text into typed values with: commons-beanutils 1.11.0
 * (the version stapler 2050.v425108fd5089 and core 2.541.3 pin) set up as {@code Stapler.CONVERT_UTILS} is.
 */
public final class StaplerConverters {
    private static final ConvertUtilsBean CONVERT_UTILS = new ConvertUtilsBean();

    static {
        // org.kohsuke.stapler.Stapler, stapler 2050.v425108fd5089 lines 1218-1272: a URL converter, then "mapping for
        // boxed types should map null to null": Integer, Float and Double only. Boolean keeps beanutils' own
        // BooleanConverter, whose default is Boolean.FALSE for anything it can't read, the empty text included.
        CONVERT_UTILS.register(
                new Converter() {
                    @Override
                    public <T> T convert(Class<T> type, Object value) {
                        try {
                            return value == null ? null : type.cast(new URL(value.toString()));
                        } catch (MalformedURLException e) {
                            throw new ConversionException(e);
                        }
                    }
                },
                URL.class);
        CONVERT_UTILS.register(new IntegerConverter(null), Integer.class);
        CONVERT_UTILS.register(new FloatConverter(null), Float.class);
        CONVERT_UTILS.register(new DoubleConverter(null), Double.class);
    }

    private StaplerConverters() {}

    /**
     * {@code Stapler.lookupConverter} (lines 1160-1216): the registered converter, else an enum's, else none.
     * (Its last resort, a {@code <Type>$StaplerConverterImpl} class, exists for none of our types.)
     */
    public static boolean canConvert(Class<?> type) {
        return CONVERT_UTILS.lookup(type) != null || type.isEnum();
    }

    /** {@code Stapler.CONVERT_UTILS.convert(value, type)}: a list given for text becomes its first item. */
    public static Object convertObject(Object value, Class<?> type) {
        return CONVERT_UTILS.convert(value, type);
    }

    /** What Stapler's converter makes of {@code value} for {@code type}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object convert(Object value, Class<?> type) {
        if (type.isEnum()) {
            return Enum.valueOf((Class) type, value.toString());
        }
        return CONVERT_UTILS.lookup(type).convert(type, value);
    }
}
