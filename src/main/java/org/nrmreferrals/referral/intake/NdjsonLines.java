package org.nrmreferrals.referral.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON stream, read as they arrive: each line's bytes without its {@code \n} (and
 * a {@code \r} before it), a line longer than the limit reported as {@link #TOO_LONG} and skipped
 * to its end, so memory stays bounded by one line. A final newline ends the last line.
 */
final class NdjsonLines {
  static final byte[] TOO_LONG = new byte[0];

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;

  NdjsonLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, {@link #TOO_LONG}, or null at the end of the stream. */
  byte[] next() throws IOException {
    byte[] line = new byte[256];
    int length = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (tooLong) {
        continue;
      }
      if (length == maxLineBytes) {
        tooLong = true;
        continue;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
      }
      line[length++] = b;
    }
    if (tooLong) {
      return TOO_LONG;
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return Arrays.copyOf(line, length);
  }
}
