package dev.ben.bench.dataplane;

/**
 * What the bench reads of Linux's {@code /proc/.../stat} files: a process's or thread's CPU time.
 */
final class ProcStat {

  /** Linux reports CPU times in clock ticks, 100 a second on every common kernel. */
  static final long NANOS_PER_TICK = 10_000_000L;

  private ProcStat() {}

  /** User plus system CPU time, in ticks, of a stat file's text. */
  static long cpuTicks(String stat) {
    // The fields after the command name (in parentheses, which may itself hold spaces).
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
