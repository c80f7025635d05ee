package vn.giadinhso.hub.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over a stream, in chunks: the STREAM construction (Hoang, Reyhanitabar, Rogaway,
 * Vizár 2015) that age and Tink's streaming AEAD use. The JDK's GCM decrypts nothing until the
 * whole message is in memory; chunks keep a large backup's restore in constant memory while every
 * byte stays authenticated before it is used.
 *
 * <p>Each chunk is sealed with the nonce (chunk number, 11 bytes; last-chunk flag, 1 byte) and the
 * file's header as associated data. The key is fresh per file (a fresh Argon2 salt), so counter
 * nonces never repeat under one key; the flag stops a truncated file from passing as whole, the
 * counter stops chunks from being reordered, the header binds the manifest to the body.
 */
final class SealedStream {
  static final int CHUNK = 64 * 1024;
  private static final int TAG_BITS = 128;

  private SealedStream() {}

  private static GCMParameterSpec nonce(long chunk, boolean last) {
    ByteBuffer n = ByteBuffer.allocate(12);
    n.put((byte) 0).put((byte) 0).put((byte) 0).putLong(chunk).put((byte) (last ? 1 : 0));
    return new GCMParameterSpec(TAG_BITS, n.array());
  }

  /** Seals what is written to it; {@link #close()} seals the last chunk (and must be called). */
  static final class Writer extends OutputStream {
    private final OutputStream out;
    private final SecretKey key;
    private final byte[] header;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    private long chunk;
    private boolean closed;

    Writer(OutputStream out, SecretKey key, byte[] header) {
      this.out = out;
      this.key = key;
      this.header = header.clone();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == CHUNK) {
          seal(false);
        }
        int n = Math.min(len, CHUNK - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void seal(boolean last) throws IOException {
      try {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, nonce(chunk++, last));
        c.updateAAD(header);
        out.write(c.doFinal(buffer, 0, filled));
        filled = 0;
      } catch (GeneralSecurityException e) {
        throw new IOException("AES-GCM failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        seal(true);
        out.close();
      }
    }
  }

  /** Opens a sealed stream; any tampering, truncation or reordering ends in {@link Damaged}. */
  static final class Reader extends InputStream {
    private final InputStream in;
    private final SecretKey key;
    private final byte[] header;
    private byte[] plain = new byte[0];
    private int pos;
    private long chunk;
    private boolean sawLast;

    Reader(InputStream in, SecretKey key, byte[] header) {
      this.in = in;
      this.key = key;
      this.header = header.clone();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (pos == plain.length) {
        if (sawLast) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, plain.length - pos);
      System.arraycopy(plain, pos, b, off, n);
      pos += n;
      return n;
    }

    private void next() throws IOException {
      byte[] sealed = in.readNBytes(CHUNK + TAG_BITS / 8);
      if (sealed.length < TAG_BITS / 8) {
        throw new Damaged("the backup file ends early (a truncated copy?)");
      }
      // A short chunk can only be the last; a full one may be either (the writer seals its last
      // chunk full when the data ends on a chunk boundary), so it is tried both ways.
      boolean full = sealed.length == CHUNK + TAG_BITS / 8;
      try {
        plain = open(sealed, !full);
      } catch (AEADBadTagException notThatOne) {
        try {
          if (!full) {
            throw notThatOne;
          }
          plain = open(sealed, true);
        } catch (AEADBadTagException e) {
          throw new Damaged("the backup file is damaged or was altered (part " + chunk + " does not authenticate)");
        }
      }
      pos = 0;
      chunk++;
    }

    private byte[] open(byte[] sealed, boolean last) throws IOException, AEADBadTagException {
      try {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, nonce(chunk, last));
        c.updateAAD(header);
        byte[] out = c.doFinal(sealed);
        if (last) {
          sawLast = true;
          if (in.read() >= 0) {
            throw new Damaged("the backup file has bytes after its last chunk");
          }
        }
        return out;
      } catch (AEADBadTagException e) {
        throw e;
      } catch (GeneralSecurityException e) {
        throw new IOException("AES-GCM failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** The sealed part does not authenticate: the file was cut short, altered or damaged. */
  static final class Damaged extends IOException {
    Damaged(String message) {
      super(message);
    }
  }
}
