package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrChunksTest {
    @TempDir
    Path dir;
    private Path oneChunk;

    @BeforeEach
    void recordOneChunk() throws Exception {
        oneChunk = dir.resolve("one.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ThreadSleep").withThreshold(java.time.Duration.ZERO);
            r.start();
            Thread.sleep(1);
            r.stop();
            r.dump(oneChunk);
        }
    }

    @Test
    void aFinishedFileIsCopiedWholeAndTwoFilesAppendedReadAsOne() throws Exception {
        long size = Files.size(oneChunk);
        assertThat(JfrChunks.completeLength(oneChunk)).isEqualTo(size);

        Path merged = dir.resolve("merged.jfr");
        try (FileChannel out = FileChannel.open(merged, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            JfrChunks.appendComplete(oneChunk, out);
            JfrChunks.appendComplete(oneChunk, out);
        }
        assertThat(Files.size(merged)).isEqualTo(2 * size);
        assertThat(RecordingContents.read(merged).count("jdk.ThreadSleep"))
                .isEqualTo(2 * RecordingContents.read(oneChunk).count("jdk.ThreadSleep")).isPositive();
    }

    @Test
    void aChunkStillBeingWrittenIsLeftOut() throws Exception {
        byte[] chunk = Files.readAllBytes(oneChunk);
        Path growing = dir.resolve("growing.jfr");
        byte[] both = Arrays.copyOf(chunk, chunk.length + chunk.length / 2); // a second chunk cut short
        System.arraycopy(chunk, 0, both, chunk.length, chunk.length / 2);
        Files.write(growing, both);
        assertThat(JfrChunks.completeLength(growing)).isEqualTo(chunk.length);
    }

    @Test
    void noFileOrGarbageHasNoChunks() throws Exception {
        assertThat(JfrChunks.completeLength(dir.resolve("absent.jfr"))).isZero();
        Path garbage = Files.write(dir.resolve("garbage.jfr"), new byte[200]);
        assertThat(JfrChunks.completeLength(garbage)).isZero();
    }
}
