package dev.lake.delta;

import io.delta.storage.HDFSLogStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Delta's log on a local file system, for any number of writers: a commit file is written in full
 * under a temporary name, then linked to its name, which fails if the name exists (an atomic
 * put-if-absent across threads and processes). Hadoop's local rename, which the default log store
 * uses, checks and renames in two steps, and its checksum files are renamed apart from the data: two
 * writers of one version could both succeed, or leave a log file whose checksum is the other's.
 * Registered for the {@code file} scheme through {@code io.delta.kernel.logStore.file.impl}.
 */
public final class LocalLogStore extends HDFSLogStore {
  public LocalLogStore(Configuration hadoopConf) {
    super(hadoopConf);
  }

  @Override
  public void write(Path path, Iterator<String> actions, Boolean overwrite, Configuration hadoopConf)
      throws IOException {
    if (overwrite) {
      super.write(path, actions, true, hadoopConf);
      return;
    }
    java.nio.file.Path target = java.nio.file.Path.of(path.toUri());
    java.nio.file.Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        while (actions.hasNext()) {
          out.write(actions.next());
          out.write('\n');
        }
      }
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw new java.nio.file.FileAlreadyExistsException(path.toString());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Boolean isPartialWriteVisible(Path path, Configuration hadoopConf) {
    return false;
  }
}
