package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresTargetTest {

    @Test
    void readsHostPortDatabaseUserAndSslMode() {
        PostgresTarget t = PostgresTarget.parse("postgresql://release@db.example.com:6432/ledger?sslmode=verify-full");
        assertThat(t.host()).isEqualTo("db.example.com");
        assertThat(t.port()).isEqualTo(6432);
        assertThat(t.database()).isEqualTo("ledger");
        assertThat(t.user()).isEqualTo("release");
        assertThat(t.sslMode()).isEqualTo("verify-full");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/ledger");
        assertThat(t).hasToString("postgresql://release@db.example.com:6432/ledger?sslmode=verify-full");
    }

    @Test
    void bracketsAnIpv6AddressWhereverTheServerIsNamed() {
        PostgresTarget t = PostgresTarget.parse("postgresql://[::1]:6432/ledger");
        assertThat(t.host()).isEqualTo("::1");
        assertThat(t.server()).isEqualTo("[::1]:6432");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6432/ledger");
        assertThat(t).hasToString("postgresql://[::1]:6432/ledger");
    }

    @Test
    void theUserThePortAndTheSslModeAreOptional() {
        PostgresTarget t = PostgresTarget.parse("postgresql://db/ledger");
        assertThat(t.user()).isNull();
        assertThat(t.port()).isEqualTo(5432);
        assertThat(t.sslMode()).isNull();
        assertThat(t)
                .hasToString("postgresql://db:5432/ledger")
                .isEqualTo(PostgresTarget.parse("postgresql://db:5432/ledger"));
    }

    @Test
    void refusesAPasswordInTheUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> PostgresTarget.parse("postgresql://release:s3cr3t-pw@db/ledger"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The ledger URL holds a password, which is never read from a URL; remove it and give the"
                        + " password through the ledger's credential instead.")
                .hasMessageNotContaining("s3cr3t");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgres://db/ledger",
                "postgresql:///ledger",
                "postgresql://db",
                "postgresql://db/",
                "postgresql://db/ledger?ssl=true",
                "postgresql://db/ledger?sslmode=sometimes",
                "postgresql://db/a;drop",
                "postgresql://db:99999999/ledger"
            })
    void refusesAMalformedUrlInOneLineThatShowsTheShape(String url) {
        assertThatThrownBy(() -> PostgresTarget.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=MODE]")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMalformedUrlWithSomethingLikeAPasswordIsNotRepeated() {
        assertThatThrownBy(() -> PostgresTarget.parse("postgresql://u:hunter2@/ledger"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresTarget.parse("postgresql://u:hunter2@db:x/ledger"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void tellsALedgerUrlFromADirectory() {
        assertThat(PostgresTarget.isUrl("postgresql://db/ledger")).isTrue();
        assertThat(PostgresTarget.isUrl("PostgreSQL://db/ledger")).isTrue();
        assertThat(PostgresTarget.isUrl("/var/lib/ledger")).isFalse();
        assertThat(PostgresTarget.isUrl(null)).isFalse();
    }
}
