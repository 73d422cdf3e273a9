package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();

  @Test
  void locationsAreFileUrisOrPaths() {
    assertThat(LocalFileIO.path("file:/a/b")).isEqualTo(Path.of("/a/b"));
    assertThat(LocalFileIO.path("file:///a/b")).isEqualTo(Path.of("/a/b"));
    assertThat(LocalFileIO.path("/a/b c")).isEqualTo(Path.of("/a/b c"));
  }

  @Test
  void writesReadsSeeksAndDeletes() throws Exception {
    String location = dir.toUri() + "metadata/v1.json";
    OutputFile out = io.newOutputFile(location);
    try (PositionOutputStream stream = out.create()) {
      stream.write("hello, ".getBytes(StandardCharsets.UTF_8));
      stream.write('l');
      stream.write("ake".getBytes(StandardCharsets.UTF_8));
      assertThat(stream.getPos()).isEqualTo(11);
    }
    assertThatThrownBy(out::create).as("create never overwrites").isInstanceOf(AlreadyExistsException.class);
    assertThat(io.newInputFile(location).getLength()).isEqualTo(11);
    try (SeekableInputStream in = io.newInputFile(location).newStream()) {
      in.seek(7);
      assertThat(in.getPos()).isEqualTo(7);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("lake");
      assertThat(in.read()).isEqualTo(-1);
    }
    try (PositionOutputStream stream = out.createOrOverwrite()) {
      stream.write('x');
    }
    assertThat(Files.readString(dir.resolve("metadata/v1.json"))).isEqualTo("x");
    io.deleteFile(location);
    assertThat(io.newInputFile(location).exists()).isFalse();
    assertThatThrownBy(() -> io.newInputFile(location).newStream()).isInstanceOf(NotFoundException.class);
  }
}
