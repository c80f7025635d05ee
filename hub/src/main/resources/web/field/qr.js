// What a scanned QR names, decided on the phone. A household card (docs/household-qr.md) names
// its household code; a citizen ID card's QR (ID|old ID|full name|birth date|…) is matched by
// masked name and the ID's last two digits against the cached roster, and the number is dropped
// at once: it is never stored, shown or sent.
import { fold, mask } from './text.js';

/** {kind: 'household', code} | {kind: 'member', code, seq} | {kind: 'unknown'} */
export function identify(text, roster) {
  const fields = text.split('|');
  if ((fields[0] === 'GDS2' && fields.length === 7) || (fields[0] === 'GDS1' && fields.length === 5)) {
    const code = fields[0] === 'GDS2' ? fields[3] : fields[2];
    return roster.households.some(h => h.code === code) ? { kind: 'household', code } : { kind: 'notHere' };
  }
  if (fields.length >= 7 && /^\d{12}$/.test(fields[0]) && fields[2].trim()) {
    const lastTwo = fields[0].slice(10);
    const name = fold(mask(fields[2]));
    const found = [];
    for (const h of roster.households) {
      for (const m of h.members) {
        if (fold(m.name) === name && (!m.idMasked || m.idMasked.endsWith(lastTwo))) found.push({ code: h.code, seq: m.seq });
      }
    }
    fields.length = 0; // the card's fields, ID number with them, go no further
    return found.length === 1 ? { kind: 'member', ...found[0] } : { kind: found.length ? 'ambiguous' : 'notHere' };
  }
  return { kind: 'unknown' };
}
