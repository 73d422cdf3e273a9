package dev.lake.core.engine;

import java.util.concurrent.ThreadLocalRandom;

/** The wait before trying a commit again after losing a race: random, longer the more races were lost. */
public final class BackOff {
  private BackOff() {}

  /**
   * Waits up to about {@code 5 * attempt} ms (at most about 100 ms).
   *
   * @param attempt how many races in a row were lost, from 1
   * @throws LakeException when the thread is interrupted while it waits
   */
  public static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * Math.min(attempt, 20) + 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakeException("Migration interrupted", e);
    }
  }
}
