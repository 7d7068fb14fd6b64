package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain of a ledger file ({@link RecordChain}): links the lines of an append batch to the file's last line under
 * the append lock, and checks the lines as they are on disk. Every complete line is a stored record, damaged or not;
 * bytes after the last newline are not.
 */
final class FileChain {
    private final LedgerCodec codec;

    FileChain(LedgerCodec codec) {
        this.codec = codec;
    }

    /**
     * The lines of {@code bodies}, linked one after the other to the last line of the file; called under the append
     * lock, once the torn tail is set aside, so that the last line is sound.
     */
    List<byte[]> link(FileChannel channel, List<byte[]> bodies) throws IOException {
        MessageDigest sha256 = StoredRecord.sha256();
        ChainLink link = ChainLink.FIRST;
        ReverseLineReader last = new ReverseLineReader(channel);
        if (last.next()) {
            StoredRecord stored = StoredRecord.of(0, last.bytes(), last.length(), codec, sha256);
            if (stored.damage() != null || last.oversized()) {
                throw new IOException("its last line cannot be linked to (" + stored.damage() + ")");
            }
            link = stored.next();
        }
        List<byte[]> lines = new ArrayList<>(bodies.size());
        for (byte[] body : bodies) {
            byte[] line = codec.line(body, link);
            lines.add(line);
            link = StoredRecord.of(0, line, line.length - 1, codec, sha256).next();
        }
        return lines;
    }

    /** Checks the chain of the lines of {@code path}; positions are line numbers. */
    ChainReport verify(Path path, String environment) throws IOException {
        return new ChainWalk(environment, "line").walk(action -> {
            MessageDigest sha256 = StoredRecord.sha256();
            try (FileChannel channel = PrivateFiles.open(path, StandardOpenOption.READ)) {
                LineSource lines = new LineReader(Channels.newInputStream(channel));
                for (long number = 1; lines.next(); number++) {
                    StoredRecord stored = lines.oversized()
                            ? StoredRecord.damaged(
                                    number, null, "it is longer than " + LedgerCodec.MAX_LINE_BYTES + " bytes")
                            : StoredRecord.of(number, lines.bytes(), lines.length(), codec, sha256);
                    if (!action.test(stored)) {
                        return;
                    }
                }
            } catch (NoSuchFileException e) {
                // An environment never written: nothing to check.
            }
        });
    }
}
