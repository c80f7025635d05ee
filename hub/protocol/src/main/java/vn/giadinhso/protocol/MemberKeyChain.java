package vn.giadinhso.protocol;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A commune's member-hashing keys, versions 1..n in order, as kiosks receive them
 * ({@code memberKeys: [{version, key}]}, key in base64). {@code toString} leaves the keys out.
 */
public final class MemberKeyChain {
  private final List<byte[]> keys;

  public MemberKeyChain(List<byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a key chain starts with version 1");
    }
    List<byte[]> copy = new ArrayList<>();
    for (byte[] k : keys) {
      if (k.length < 16) {
        throw new IllegalArgumentException("a member-hashing key has at least 16 bytes");
      }
      copy.add(k.clone());
    }
    this.keys = List.copyOf(copy);
  }

  /** From {@code version → base64 key}; versions must run 1..n without a gap. */
  public static MemberKeyChain fromBase64(Map<Integer, String> byVersion) {
    List<byte[]> keys = new ArrayList<>();
    for (int v = 1; v <= byVersion.size(); v++) {
      String key = byVersion.get(v);
      if (key == null) {
        throw new IllegalArgumentException("member key versions must run 1.." + byVersion.size() + "; " + v + " is missing");
      }
      keys.add(Base64.getDecoder().decode(key.strip()));
    }
    return new MemberKeyChain(keys);
  }

  /** {@code version → base64 key}, in version order. */
  public Map<Integer, String> toBase64() {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      out.put(i + 1, Base64.getEncoder().encodeToString(keys.get(i)));
    }
    return out;
  }

  public int currentVersion() {
    return keys.size();
  }

  public byte[] key(int version) {
    return keys.get(version - 1).clone();
  }

  /** hashes[v-1] is the ID number's hash under version v, for every version (one HMAC each). */
  public byte[][] hashes(String idNumber) {
    byte[][] out = new byte[keys.size()][];
    out[0] = MemberIdHash.first(keys.get(0), idNumber);
    for (int i = 1; i < keys.size(); i++) {
      out[i] = MemberIdHash.next(keys.get(i), out[i - 1]);
    }
    return out;
  }

  /** The hash under the newest version. */
  public byte[] current(String idNumber) {
    byte[][] all = hashes(idNumber);
    return all[all.length - 1];
  }

  /** Brings a hash made under {@code version} forward to the newest version. */
  public byte[] forward(int version, byte[] hash) {
    if (version < 1 || version > keys.size()) {
      throw new IllegalArgumentException("unknown member key version " + version);
    }
    byte[] h = hash;
    for (int v = version + 1; v <= keys.size(); v++) {
      h = MemberIdHash.next(keys.get(v - 1), h);
    }
    return h;
  }

  @Override
  public String toString() {
    return "MemberKeyChain[versions=1.." + keys.size() + ", keys redacted]";
  }
}
