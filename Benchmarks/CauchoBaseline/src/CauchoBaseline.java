import com.caucho.hessian.io.Hessian2Input;
import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.dubbo.sample.User;

/**
 * Times Caucho Hessian 2 (the original Java implementation) on the same values as the Swift
 * benchmarks: one {@code org.apache.dubbo.sample.User}, and an {@code ArrayList} of 100.
 *
 * <p>Each encode writes a whole message into a fresh {@link Hessian2Output} over a reused
 * {@link ByteArrayOutputStream} (reset per operation); each decode reads from a fresh
 * {@link Hessian2Input} over a {@link ByteArrayInputStream} of the bytes. Both share one
 * {@link SerializerFactory}, as Dubbo does.
 *
 * <p>Method: every operation is first run for {@code warmupMillis} so the JIT has compiled it;
 * then {@code batches} batches are timed, each sized to take about {@code batchMillis}; the result
 * is the median batch's ns per operation. Output lines, one per operation:
 *
 * <pre>
 * CAUCHO op=encode_user ns_per_op=123.4 min_ns_per_op=120.1 max_ns_per_op=130.2 batches=15
 *   ops_per_batch=800000 bytes=76 alloc_bytes_per_op=9000
 * </pre>
 *
 * <p>(one line; {@code alloc_bytes_per_op} is the heap the thread allocated per operation, as the
 * JVM counts it).
 *
 * <p>Arguments: {@code [warmupMillis] [batchMillis] [batches] [swiftBytesDirectory]}. With a
 * directory holding the Swift side's {@code user.bin} and {@code users.bin}, it first checks that
 * Caucho decodes those to the same values (a {@code CHECK} line each).
 */
public final class CauchoBaseline {
  static final long BASE_MILLIS = 1_700_000_000_000L;
  static final int SINGLE_INDEX = 42;
  static final int LIST_COUNT = 100;

  static final SerializerFactory FACTORY = new SerializerFactory();
  static final ByteArrayOutputStream OUT = new ByteArrayOutputStream(64 * 1024);
  /** Consumed results, so the JIT cannot drop the work. */
  static volatile Object sink;

  interface Op {
    /** Runs once; returns something derived from the result. */
    Object run() throws IOException;
  }

  static User user(int index) {
    return new User("id-" + index, "user-" + index, index, new Date(BASE_MILLIS + index * 1000L));
  }

  static byte[] encode(Object value) throws IOException {
    OUT.reset();
    Hessian2Output out = new Hessian2Output(OUT);
    out.setSerializerFactory(FACTORY);
    out.writeObject(value);
    out.flush();
    return OUT.toByteArray();
  }

  static int encodeInPlace(Object value) throws IOException {
    OUT.reset();
    Hessian2Output out = new Hessian2Output(OUT);
    out.setSerializerFactory(FACTORY);
    out.writeObject(value);
    out.flush();
    return OUT.size();
  }

  static Object decode(byte[] bytes) throws IOException {
    Hessian2Input in = new Hessian2Input(new ByteArrayInputStream(bytes));
    in.setSerializerFactory(FACTORY);
    return in.readObject();
  }

  /** Runs {@code op} {@code count} times; returns elapsed nanoseconds. */
  static long timeBatch(Op op, long count) throws IOException {
    Object last = null;
    long start = System.nanoTime();
    for (long i = 0; i < count; i++) {
      last = op.run();
    }
    long elapsed = System.nanoTime() - start;
    sink = last;
    return elapsed;
  }

  static void warm(Op op, long millis) throws IOException {
    long end = System.nanoTime() + millis * 1_000_000L;
    long count = 1000;
    while (System.nanoTime() < end) {
      timeBatch(op, count);
      if (count < 100_000) count *= 2;
    }
  }

  static void measure(String name, Op op, int bytes, long warmupMillis, long batchMillis, int batches)
      throws IOException {
    warm(op, warmupMillis);
    // Size a batch from a short calibration run.
    long calibrationCount = 1000;
    long calibrationNanos;
    while ((calibrationNanos = timeBatch(op, calibrationCount)) < 20_000_000L) calibrationCount *= 2;
    long opsPerBatch = Math.max(1, calibrationCount * batchMillis * 1_000_000L / calibrationNanos);
    double[] nsPerOp = new double[batches];
    for (int b = 0; b < batches; b++) {
      nsPerOp[b] = (double) timeBatch(op, opsPerBatch) / opsPerBatch;
    }
    Arrays.sort(nsPerOp);
    double allocatedBytesPerOp = allocatedBytesPerOp(op, opsPerBatch);
    double median = batches % 2 == 1
        ? nsPerOp[batches / 2]
        : (nsPerOp[batches / 2 - 1] + nsPerOp[batches / 2]) / 2;
    System.out.printf(
        "CAUCHO op=%s ns_per_op=%.1f min_ns_per_op=%.1f max_ns_per_op=%.1f batches=%d ops_per_batch=%d"
            + " bytes=%d alloc_bytes_per_op=%.0f%n",
        name, median, nsPerOp[0], nsPerOp[batches - 1], batches, opsPerBatch, bytes, allocatedBytesPerOp);
    System.out.flush();
  }

  /** Heap bytes the current thread allocates per operation (-1 when the JVM cannot tell). */
  static double allocatedBytesPerOp(Op op, long count) throws IOException {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean)) return -1;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    timeBatch(op, count);
    return (double) (threads.getThreadAllocatedBytes(thread) - before) / count;
  }

  static void check(String name, Path file, Object expected, byte[] javaBytes) throws IOException {
    if (!Files.exists(file)) {
      System.out.printf("CHECK %s skipped (no %s)%n", name, file);
      return;
    }
    byte[] swiftBytes = Files.readAllBytes(file);
    Object decoded = decode(swiftBytes);
    boolean equal = expected.equals(decoded);
    boolean identical = Arrays.equals(swiftBytes, javaBytes);
    System.out.printf(
        "CHECK %s caucho_decodes_swift_bytes=%s swift_bytes=%d caucho_bytes=%d identical=%s%n",
        name, equal ? "ok" : "MISMATCH", swiftBytes.length, javaBytes.length, identical);
    if (!equal) {
      System.out.println("CHECK expected " + expected + " got " + decoded);
      System.exit(1);
    }
  }

  public static void main(String[] args) throws Exception {
    long warmupMillis = args.length > 0 ? Long.parseLong(args[0]) : 3000;
    long batchMillis = args.length > 1 ? Long.parseLong(args[1]) : 100;
    int batches = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    Path swiftBytes = args.length > 3 ? Path.of(args[3]) : null;

    User single = user(SINGLE_INDEX);
    List<User> users = new ArrayList<>(LIST_COUNT);
    for (int i = 0; i < LIST_COUNT; i++) users.add(user(i));

    byte[] userBytes = encode(single);
    byte[] usersBytes = encode(users);
    if (!single.equals(decode(userBytes)) || !users.equals(decode(usersBytes))) {
      throw new IllegalStateException("Caucho does not round-trip the fixtures");
    }
    if (swiftBytes != null) {
      check("user", swiftBytes.resolve("user.bin"), single, userBytes);
      check("users100", swiftBytes.resolve("users.bin"), users, usersBytes);
    }

    measure("encode_user", () -> encodeInPlace(single), userBytes.length, warmupMillis, batchMillis, batches);
    measure("decode_user", () -> decode(userBytes), userBytes.length, warmupMillis, batchMillis, batches);
    measure("encode_users100", () -> encodeInPlace(users), usersBytes.length, warmupMillis, batchMillis, batches);
    measure("decode_users100", () -> decode(usersBytes), usersBytes.length, warmupMillis, batchMillis, batches);
  }
}
