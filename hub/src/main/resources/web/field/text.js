// Names as the hub masks and folds them (vn.giadinhso.protocol.MemberNames), so the phone
// matches a name typed without diacritics, or read off a citizen ID card, against the roster.

/** "Nguyễn Thị Hoa" → "Nguyễn T. Hoa": family and given name whole, middle names as initials. */
export function mask(fullName) {
  const parts = fullName.normalize('NFC').trim().split(/\s+/);
  if (parts.length <= 2) return parts.join(' ');
  const middle = parts.slice(1, -1).map(p => String.fromCodePoint(p.codePointAt(0)) + '.');
  return [parts[0], ...middle, parts[parts.length - 1]].join(' ');
}

/** No diacritics, đ → d, lower case, one space: "Nguyễn T. Hoa" and "nguyen t. hoa" fold alike. */
export function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .toLowerCase().replace(/\s+/g, ' ').trim();
}
