package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The ledger's own form of an instant is read digit by digit, and every other form as before. */
class InstantTextTest {
    private static final ObjectMapper BEFORE =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ObjectMapper NOW = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addDeserializer(Instant.class, new InstantText()))
            .build();

    @Property
    void readsEveryInstantAsItsOwnTextNamesIt(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertThat(InstantText.quick(instant.toString())).isEqualTo(instant);
        Instant millis = Instant.ofEpochMilli(instant.toEpochMilli());
        assertThat(InstantText.quick(millis.toString())).isEqualTo(millis);
    }

    @Test
    void leavesEveryOtherFormToTheTimeModuleWithTheSameResultOrRefusal() {
        for (String text : new String[] {
            "2026-11-30T12:00:00.1Z",
            "2026-11-30T12:00:00+01:00",
            "+12026-11-30T12:00:00Z",
            "2026-11-30T24:00:00Z",
            "2026-11-30T12:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-30T12:60:00Z",
            "x"
        }) {
            assertThat(InstantText.quick(text)).as(text).isNull();
            assertThat(read(NOW, "\"" + text + "\"")).as(text).isEqualTo(read(BEFORE, "\"" + text + "\""));
        }
        assertThat(read(NOW, "1764504000")).isEqualTo(read(BEFORE, "1764504000"));
        assertThat(read(NOW, "\"2026-02-30T00:00:00Z\"")).isEqualTo(InvalidFormatException.class);
    }

    /** The instant read, or the class of the exception that refused it. */
    private static Object read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Instant.class);
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
