package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Lines read from the last to the first are the file's lines, whatever their lengths and wherever they fall. */
class ReverseLineReaderTest {

    @Property(tries = 60)
    void readsEveryCompleteLineFromTheLastToTheFirst(@ForAll("lines") List<byte[]> lines, @ForAll("tails") byte[] tail)
            throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<Long> starts = new ArrayList<>();
        for (byte[] line : lines) {
            starts.add((long) file.size());
            file.write(line);
            file.write('\n');
        }
        file.write(tail);
        Path path = Files.createTempFile("reverse", ".jsonl");
        try {
            Files.write(path, file.toByteArray());
            List<byte[]> read = new ArrayList<>();
            List<Long> readStarts = new ArrayList<>();
            long incomplete;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                ReverseLineReader reader = new ReverseLineReader(channel);
                while (reader.next()) {
                    read.add(Arrays.copyOf(reader.bytes(), reader.length()));
                    readStarts.add(reader.start());
                }
                incomplete = reader.incompleteBytes();
            }

            List<byte[]> expected = new ArrayList<>(lines);
            Collections.reverse(expected);
            Collections.reverse(starts);
            assertThat(read).hasSameSizeAs(expected);
            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i)).as("line %d from the end", i).isEqualTo(expected.get(i));
            }
            assertThat(readStarts).isEqualTo(starts);
            assertThat(incomplete).isEqualTo(tail.length);
        } finally {
            Files.delete(path);
        }
    }

    @Property
    void findsANewlineInAWordWhereverItIs(@ForAll long word) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(word)
                .array();
        boolean any = false;
        for (byte b : bytes) {
            any |= b == '\n';
        }

        assertThat(ReverseLineReader.holdsNewline(word)).isEqualTo(any);
        for (int at = 0; at < Long.BYTES; at++) {
            byte[] withNewline = bytes.clone();
            withNewline[at] = '\n';
            long newlineWord =
                    ByteBuffer.wrap(withNewline).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(ReverseLineReader.holdsNewline(newlineWord)).isTrue();
        }
    }

    @Provide
    Arbitrary<List<byte[]>> lines() {
        // Short and empty lines test the word-at-a-time search at every alignment; long ones cross the 64 KiB chunks.
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                Tuple.of(15, Arbitraries.integers().between(0, 40)),
                Tuple.of(1, Arbitraries.integers().between(65_000, 70_000)));
        return lengths.flatMap(ReverseLineReaderTest::line).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<byte[]> tails() {
        return Arbitraries.integers().between(0, 20).flatMap(ReverseLineReaderTest::line);
    }

    /** Bytes without a newline, its neighbours often among them (0x09, 0x0B, and 0x8A, which a sign could confuse). */
    private static Arbitrary<byte[]> line(int length) {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.bytes().filter(b -> b != '\n')),
                        Tuple.of(1, Arbitraries.of((byte) 0x09, (byte) 0x0B, (byte) 0x8A)))
                .array(byte[].class)
                .ofSize(length);
    }
}
