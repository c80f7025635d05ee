// The field app: find a household (search or scan), record what was done, keep it in the outbox
// until the hub has it. Every record gets its id here; the hub stores an id once, so sending
// again after a lost answer is harmless, and a record leaves the outbox only when the hub said
// "stored" or "already had" (docs/protocol.md, "Field API").
import { outbox, cache } from './store.js';
import { fold } from './text.js';
import { uuid7 } from './uuid7.js';
import { TEXT, TOPICS } from './i18n.js';
import { identify } from './qr.js';

const $ = id => document.getElementById(id);
// Kept for whoever looks (a test, a helper with the phone's DevTools): what went wrong here.
window.gdsErrors = [];
window.addEventListener('error', e => window.gdsErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', e => window.gdsErrors.push(String(e.reason)));
const state = { language: localStorage.getItem('gds-field-language') || 'vi', me: null, roster: null, withoutVneid: null, household: null, member: null, sending: false,
  sessions: [], session: null };

function t(key, values = {}) {
  const text = TEXT[state.language][key] ?? TEXT.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
}

function say(key, values, kind = 'good') {
  $('message').textContent = t(key, values);
  $('message').dataset.kind = kind;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([k, v]) => (k in node ? (node[k] = v) : node.setAttribute(k, v)));
  children.forEach(c => node.append(c));
  return node;
}

function applyLanguage() {
  document.documentElement.lang = state.language;
  document.querySelectorAll('[data-t]').forEach(n => { n.textContent = t(n.dataset.t); });
  $('language').textContent = state.language === 'vi' ? 'English' : 'Tiếng Việt';
  $('language').lang = state.language === 'vi' ? 'en' : 'vi';
  showNetwork();
  renderVillages();
  renderSessions();
  renderList();
  renderWithoutVneid();
  if (state.household) renderHousehold();
}

function showNetwork() {
  $('network').dataset.state = navigator.onLine ? 'online' : 'offline';
  $('network').textContent = t(navigator.onLine ? 'online' : 'offline');
}

function show(section) {
  for (const id of ['find', 'household', 'outbox', 'without-vneid']) $(id).hidden = id !== section;
}

// ---- the roster -------------------------------------------------------------------------

/**
 * The hub says nobody is signed in here: the masked roster leaves the phone (the outbox stays, it
 * is sent after the next sign-in of the same account).
 */
async function signedOut() {
  state.me = null;
  state.roster = null;
  state.withoutVneid = null;
  await cache.remove('roster');
  await cache.remove('withoutVneid');
  await cache.remove('sessions');
  state.sessions = [];
  state.session = null;
  $('signed-out').hidden = false;
  $('sign-out').hidden = true;
  renderVillages();
  renderList();
  renderWithoutVneid();
}

async function signOut() {
  try {
    const me = await fetch('/field/api/me', { credentials: 'same-origin' });
    if (me.ok) {
      await fetch('/logout', { method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: { 'X-CSRF-Token': (await me.json()).csrf } });
    }
  } catch (e) { /* offline: the roster still leaves the phone */ }
  await signedOut();
}

async function loadRoster() {
  state.roster = (await cache.get('roster')) || null;
  state.withoutVneid = (await cache.get('withoutVneid')) || null;
  if (navigator.onLine) {
    try {
      const me = await fetch('/field/api/me', { credentials: 'same-origin' });
      if (me.status === 401) {
        await signedOut();
      } else if (me.ok) {
        state.me = await me.json();
        $('signed-out').hidden = true;
        $('sign-out').hidden = false;
        const response = await fetch('/field/api/roster', { credentials: 'same-origin' });
        if (response.ok) {
          state.roster = await response.json();
          await cache.put('roster', state.roster);
        }
        await refreshWithoutVneid();
        const sessions = await fetch('/field/api/sessions', { credentials: 'same-origin' });
        if (sessions.ok) await cache.put('sessions', (await sessions.json()).sessions);
      } else if (me.status === 403) {
        say('passwordFirst', {}, 'bad');
      }
    } catch (e) { /* no signal after all: the cached roster stands */ }
  }
  if (!state.roster) {
    say('noRoster', {}, 'bad');
    $('signed-out').hidden = state.me !== null;
  }
  renderVillages();
  await loadSessions();
  renderList();
  renderWithoutVneid();
}

// ---- attendance at today's sessions (a mobile point's, mostly) -----------------------------

/** Today's sessions as last fetched; yesterday's list, kept offline overnight, offers nothing. */
async function loadSessions() {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  state.sessions = ((await cache.get('sessions')) || []).filter(s =>
    new Date(s.startsAt).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }) === today);
  if (!state.sessions.some(s => s.id === state.session)) state.session = null;
  renderSessions();
}

function sessionLabel(s) {
  const time = new Date(s.startsAt).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
  return `${time} · ${s.topic} · ${s.place}${s.mobile ? ' (' + t('mobile') + ')' : ''}`;
}

function renderSessions() {
  $('attendance-box').hidden = !state.sessions.length;
  $('attendance-session').replaceChildren(el('option', { value: '' }, t('noSession')),
    ...state.sessions.map(s => el('option', { value: s.id }, sessionLabel(s))));
  $('attendance-session').value = state.session || '';
}

/** A check-in: the session, the household, the member when one was picked (else the household). */
async function checkIn(code, seq) {
  const household = state.roster.households.find(h => h.code === code);
  const record = { id: uuid7(), kind: 'attendance', at: new Date().toISOString(), sessionId: state.session,
    householdCode: code, username: state.me?.username || null };
  const member = seq === null ? null : household.members.find(m => m.seq === seq);
  if (member) { record.memberSeq = member.seq; record.memberName = member.name; }
  await outbox.put({ ...record, state: 'pending' });
  say('checkedIn', { who: member ? member.name : household.head });
  await refreshCount();
  sync();
}

function renderVillages() {
  const select = $('village');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, t('allVillages')));
  for (const v of state.roster?.villages || []) select.append(el('option', { value: v.id }, v.name));
  select.value = chosen;
}

/**
 * Every typed word starts a word of the household (code, masked names), or names in full what the
 * roster keeps as an initial: "nguyen van an" finds "Nguyễn V. An".
 */
function matches(words, tokens) {
  return words.every(w => tokens.some(t => t.startsWith(w) || (t.endsWith('.') && t.length > 1 && w.startsWith(t.slice(0, -1)))));
}

function renderList() {
  const list = $('households');
  list.replaceChildren();
  if (!state.roster) return;
  const words = fold($('search').value).split(' ').filter(Boolean);
  const village = $('village').value;
  const found = state.roster.households.filter(h => (!village || h.villageId === village)
    && matches(words, fold([h.code, h.head, ...h.members.map(m => m.name)].join(' ')).split(' ')));
  for (const h of found.slice(0, 50)) {
    const button = el('button', { type: 'button' }, el('strong', {}, h.head), el('br'),
      el('span', { className: 'muted' }, `${h.code} · ${h.village}`));
    button.addEventListener('click', () => openHousehold(h.code));
    list.append(el('li', { 'data-code': h.code }, button));
  }
  if (!found.length) list.append(el('li', {}, t('noMatch')));
}

// ---- the list for action: members without VNeID level 2 -------------------------------

/** Fetched with signal and kept on the phone like the roster, so the list opens in a village without any. */
async function refreshWithoutVneid() {
  try {
    const response = await fetch('/field/api/without-vneid', { credentials: 'same-origin' });
    if (response.ok) {
      state.withoutVneid = await response.json();
      await cache.put('withoutVneid', state.withoutVneid);
    }
  } catch (e) { /* no signal: the cached list stands */ }
  renderWithoutVneid();
}

function renderWithoutVneid() {
  const members = state.withoutVneid?.members || [];
  $('without-vneid-count').textContent = String(members.length);
  const select = $('without-vneid-village');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, t('allVillages')),
    ...[...new Set(members.map(m => m.village))].map(v => el('option', { value: v }, v)));
  select.value = [...select.options].some(o => o.value === chosen) ? chosen : '';
  const shown = members.filter(m => !select.value || m.village === select.value);
  $('without-vneid-at').textContent = state.withoutVneid
    ? t('rosterAt', { t: new Date(state.withoutVneid.generatedAt).toLocaleString(state.language === 'vi' ? 'vi-VN' : 'en-GB') }) : '';
  $('without-vneid-list').replaceChildren(...shown.map(m => {
    const button = el('button', { type: 'button' }, el('strong', {}, `${m.maskedName} ${m.idMasked || ''}`), el('br'),
      el('span', { className: 'muted' }, `${m.householdCode} · ${m.village}`));
    button.addEventListener('click', () => openMember(m));
    return el('li', { 'data-code': m.householdCode }, button);
  }));
  if (!shown.length) $('without-vneid-list').append(el('li', {}, t(state.withoutVneid ? 'withoutVneidNone' : 'noRoster')));
}

/** Opens the member's household with the member chosen, ready for "verify VNeID level 2". */
function openMember(m) {
  const household = state.roster?.households.find(h => h.code === m.householdCode);
  if (!household) { say('noMatch', {}, 'bad'); return; }
  const member = household.members.find(x => x.name === m.maskedName && (x.idMasked || '') === (m.idMasked || ''));
  openHousehold(household.code, member ? member.seq : null);
  state.back = 'without-vneid';
}

// ---- one household ----------------------------------------------------------------------

function openHousehold(code, seq = null) {
  state.back = 'find';
  state.household = state.roster.households.find(h => h.code === code);
  state.member = seq;
  $('visit-form').reset();
  renderHousehold();
  show('household');
  window.scrollTo(0, 0);
}

function criterionName(id) {
  const c = state.roster.criteria.find(x => x.id === id);
  return c ? (state.language === 'vi' ? c.vi : c.en) : id;
}

function renderHousehold() {
  const h = state.household;
  $('household-title').textContent = `${h.head} — ${h.code}`;
  $('household-village').textContent = h.village;
  $('members').replaceChildren(...h.members.map(m => {
    const input = el('input', { type: 'radio', name: 'member', value: String(m.seq), id: `member-${m.seq}`, checked: state.member === m.seq });
    input.addEventListener('change', () => { state.member = m.seq; });
    return el('li', {}, el('label', { htmlFor: `member-${m.seq}` }, input, `${m.name} ${m.idMasked || ''}`));
  }));
  $('topics').replaceChildren(...TOPICS.map(topic => el('label', {},
    el('input', { type: 'checkbox', name: 'topic', value: topic }), t(`topic_${topic}`))));
  $('criteria').replaceChildren(...h.criteria.filter(c => c.status !== 'NOT_APPLICABLE').map(c => el('label', {},
    el('input', { type: 'checkbox', name: 'criterion', value: c.id }),
    el('span', { className: `status-${c.status}` }, criterionName(c.id)))));
  const session = state.sessions.find(x => x.id === state.session);
  $('checkin-save').hidden = !session;
  if (session) $('checkin-save').textContent = t('checkIn', { s: session.topic });
  $('verify-criterion').replaceChildren(...h.criteria.filter(c => c.status !== 'NOT_APPLICABLE' && c.status !== 'MET')
    .map(c => el('option', { value: c.id }, criterionName(c.id))));
}

function base(kind) {
  const record = { id: uuid7(), kind, at: new Date().toISOString(), householdCode: state.household.code, username: state.me?.username || null };
  if (state.member !== null) {
    record.memberSeq = state.member;
    record.memberName = state.household.members.find(m => m.seq === state.member).name;
  }
  return record;
}

async function keep(record) {
  await outbox.put({ ...record, state: 'pending' });
  say('saved');
  await refreshCount();
  sync();
}

async function saveVisit(event) {
  event.preventDefault();
  const record = base('home-visit');
  record.topics = [...document.querySelectorAll('#topics input:checked')].map(i => i.value);
  record.criteria = [...document.querySelectorAll('#criteria input:checked')].map(i => i.value);
  const alone = $('can-do-alone').value.trim();
  const note = $('note').value.trim();
  if (alone) record.canDoAlone = alone;
  if (note) record.note = note;
  await keep(record);
  $('visit-form').reset();
}

async function saveVerified() {
  const criterionId = $('verify-criterion').value;
  if (!criterionId) return;
  const record = base('criterion-verified');
  delete record.memberSeq; delete record.memberName;
  record.criterionId = criterionId;
  await keep(record);
}

async function saveVneid() {
  if (state.member === null) { say('pickMember', {}, 'bad'); return; }
  await keep(base('vneid-verified'));
}

// ---- the outbox -------------------------------------------------------------------------

async function refreshCount() {
  const all = await outbox.all();
  $('outbox-count').textContent = String(all.filter(r => r.state === 'pending').length);
  return all;
}

async function renderOutbox() {
  const all = await refreshCount();
  const kinds = { 'home-visit': 'visitKind', 'criterion-verified': 'verifiedKind', 'vneid-verified': 'vneidKind',
    attendance: 'attendanceKind' };
  $('outbox-list').replaceChildren(...all.map(r => el('li', { 'data-id': r.id, className: r.state === 'rejected' ? 'rejected' : '' },
    `${t(kinds[r.kind])} · ${r.householdCode}${r.memberName ? ' · ' + r.memberName : ''}`,
    r.state === 'rejected' ? el('div', {}, t('rejected', { e: r.error })) : '')));
}

/** Sends what waits, 100 at a time; nothing leaves the outbox but what the hub acknowledged. */
async function sync() {
  if (state.sending || !navigator.onLine) return;
  state.sending = true;
  try {
    const me = await fetch('/field/api/me', { credentials: 'same-origin' });
    if (!me.ok) { if (me.status === 401) await signedOut(); return; }
    state.me = await me.json();
    const pending = (await outbox.all()).filter(r => r.state === 'pending' && (!r.username || r.username === state.me.username));
    let sent = 0;
    for (let i = 0; i < pending.length; i += 100) {
      const batch = pending.slice(i, i + 100);
      const body = JSON.stringify({ records: batch.map(({ state: _s, username: _u, error: _e, ...wire }) => wire) });
      const response = await fetch('/field/api/records', {
        method: 'POST', credentials: 'same-origin', body,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': state.me.csrf },
      });
      if (response.ok) {
        const answer = await response.json();
        await outbox.remove([...answer.stored, ...answer.alreadyHad]);
        sent += answer.stored.length + answer.alreadyHad.length;
      } else if ([400, 403, 413].includes(response.status)) {
        // Refused whole: the record the hub named (or, failing that, the batch) waits for a person.
        const error = (await response.json().catch(() => ({}))).error || String(response.status);
        const named = batch.filter(r => error.includes(r.id));
        for (const r of named.length ? named : batch) await outbox.put({ ...r, state: 'rejected', error });
      } else {
        break; // the hub is busy or down: try again later
      }
    }
    if (sent) {
      say('sent', { n: sent });
      await refreshWithoutVneid(); // a VNeID verified on the spot leaves the list
    }
  } catch (e) {
    // no signal after all; the records wait
  } finally {
    state.sending = false;
    await renderOutbox();
  }
}

// ---- scanning ---------------------------------------------------------------------------

let scanning = null;

async function startScan() {
  if (!window.jsQR || !navigator.mediaDevices) { say('noCamera', {}, 'bad'); return; }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch (e) { say('noCamera', {}, 'bad'); return; }
  const video = $('camera');
  video.srcObject = stream;
  await video.play();
  $('scanner').hidden = false;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  scanning = { stream, timer: setInterval(() => {
    if (video.readyState < 2) return;
    canvas.width = video.videoWidth; canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    // Frames are read in memory and dropped: no picture is kept or sent.
    const code = window.jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
    if (code && code.data) { stopScan(); found(code.data); }
  }, 200) };
}

function stopScan() {
  if (!scanning) return;
  clearInterval(scanning.timer);
  scanning.stream.getTracks().forEach(track => track.stop());
  $('camera').srcObject = null;
  $('scanner').hidden = true;
  scanning = null;
}

function found(text) {
  if (!state.roster) { say('noRoster', {}, 'bad'); return; }
  const result = identify(text, state.roster);
  // Taking attendance: a card checks its holder in at once, the list stays for the next one.
  if (state.session && (result.kind === 'household' || result.kind === 'member')) {
    checkIn(result.code, result.kind === 'member' ? result.seq : null);
    return;
  }
  if (result.kind === 'household') openHousehold(result.code);
  else if (result.kind === 'member') openHousehold(result.code, result.seq);
  else say(result.kind === 'notHere' ? 'notHere' : result.kind === 'ambiguous' ? 'ambiguous' : 'unknownQr', {}, 'bad');
}

// ---- start ------------------------------------------------------------------------------

$('language').addEventListener('click', () => {
  state.language = state.language === 'vi' ? 'en' : 'vi';
  localStorage.setItem('gds-field-language', state.language);
  applyLanguage();
});
$('search').addEventListener('input', renderList);
$('village').addEventListener('change', renderList);
$('back').addEventListener('click', () => { state.household = null; show(state.back || 'find'); });
$('without-vneid-button').addEventListener('click', () => { renderWithoutVneid(); show('without-vneid'); });
$('without-vneid-close').addEventListener('click', () => show('find'));
$('without-vneid-village').addEventListener('change', renderWithoutVneid);
$('outbox-close').addEventListener('click', () => show(state.household ? 'household' : 'find'));
$('outbox-button').addEventListener('click', async () => { await renderOutbox(); show('outbox'); });
$('send-now').addEventListener('click', sync);
$('sign-out').addEventListener('click', signOut);
$('visit-form').addEventListener('submit', saveVisit);
$('verify-save').addEventListener('click', saveVerified);
$('vneid-save').addEventListener('click', saveVneid);
$('scan').addEventListener('click', startScan);
$('attendance-session').addEventListener('change', () => { state.session = $('attendance-session').value || null; });
$('checkin-save').addEventListener('click', () => checkIn(state.household.code, state.member));
$('scan-stop').addEventListener('click', stopScan);
window.addEventListener('online', () => { showNetwork(); sync(); });
window.addEventListener('offline', showNetwork);
setInterval(sync, 30000);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => {});
}
/** For tests and the curious: what the app is doing. */
window.gdsField = { sync, state, ready: false };
applyLanguage();
await loadRoster();
await refreshCount();
window.gdsField.ready = true;
sync();
