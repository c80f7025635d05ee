// Record ids made on the phone: UUIDv7 (48-bit Unix milliseconds, version 7, random), the format
// of vn.giadinhso.protocol.Uuid7, so ids sort by time and a retry carries the same id.
let last = 0;

export function uuid7(now = Date.now()) {
  const ms = Math.max(now, last + 1);
  last = ms;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let t = ms;
  for (let i = 5; i >= 0; i--) { bytes[i] = t % 256; t = Math.floor(t / 256); }
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
