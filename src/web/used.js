// What the agent did, kept in this browser (chrome.storage.local): which reply templates they
// inserted, and the replies they sent (below).
//
// The templates inserted are kept under "waypoint.used": `{ seeds }`, how many times each was
// inserted (its rotation seed, so that its alternative phrasings take turns across pages,
// reloads and tabs).
//
// Why JavaScript: it is bookkeeping of a few JS values, and every byte of the page module's
// WebAssembly is budgeted (src/web/panel/replies.rs and src/web/review.rs call these).

const KEY = 'waypoint.used';

let used = { seeds: {} };
// Insertions made before the stored record was read (a reply inserted in the page's first
// moments): added to it once read, rather than a record of them alone overwriting it.
let loaded = false;
const early = {};

// A stored value of another shape (an older or damaged one) is set aside: the rotation starts
// again, and the next insertion writes a good one.
const valid = (v) =>
  v !== null &&
  typeof v === 'object' &&
  v.seeds !== null &&
  typeof v.seeds === 'object' &&
  !Array.isArray(v.seeds);

const area = () => globalThis.chrome?.storage?.local;

// Read as the module loads (before the first suggestions, as a rule), and followed as other
// tabs insert replies: each tab writes the whole record, so one that kept an old copy would
// undo the others' turns.
try {
  const read = area()?.get(KEY);
  if (read === undefined) loaded = true;
  read
    ?.then(
      (r) => (valid(r?.[KEY]) ? r[KEY] : { seeds: {} }),
      () => ({ seeds: {} }),
    )
    .then((stored) => {
      used = stored;
      loaded = true;
      const ids = Object.keys(early);
      for (const id of ids) used.seeds[id] = usedSeed(id) + early[id];
      if (ids.length > 0) save();
    });
  globalThis.chrome?.storage?.onChanged?.addListener((changes, name) => {
    if (name === 'local' && valid(changes[KEY]?.newValue)) used = changes[KEY].newValue;
  });
} catch {
  // No storage here (a page outside the extension): nothing is remembered.
  loaded = true;
}

// Template `id`'s rotation seed: 0 until it is first inserted.
export function usedSeed(id) {
  const n = Object.hasOwn(used.seeds, id) ? used.seeds[id] : 0;
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

// Notes that template `id` was inserted: its seed moves on, and is saved.
export function noteUsed(id) {
  used.seeds[id] = usedSeed(id) + 1;
  if (loaded) save();
  else early[id] = (early[id] ?? 0) + 1;
}

// On the practice page (an extension page; the sites' pages are not), the turns are kept for
// the visit only: a workshop's insertions would move the wordings the agent's real replies
// take.
const practising = globalThis.location?.protocol === 'chrome-extension:';

function save() {
  if (practising) return;
  try {
    area()?.set({ [KEY]: used }).catch(() => {});
  } catch {
    // Kept for this page only.
  }
}

// Our recent sent replies, for the checklist's repeated-reply check, kept under
// "waypoint.recent": a JSON array of [time, text], oldest first, time in ms since the epoch. A
// reply is forgotten 30 days after it was sent (REPLY_DAYS in src/web/pages/memory_settings.rs,
// whose settings page counts them, says the same); the latest 30 are kept (RECENT_KEPT in
// src/web/review.rs, which calls these). An older Waypoint kept the texts alone: each is dated
// when first read here, so that it is kept as long from then on. Here, not in a file of their
// own: with a fourth snippet file, the browser tests of the web code (wasm-bindgen-test-runner
// in headless Chromium) hung while loading in 3 runs of 5 (December 2026), and none in 4 since.

const RECENT_KEY = 'waypoint.recent';
const REPLY_DAYS = 30;
const REPLIES_KEPT = 30;

// What is stored, those sent within REPLY_DAYS, as [time, text]; anything else (damaged) left out.
async function stored() {
  let json;
  try {
    json = (await area()?.get(RECENT_KEY))?.[RECENT_KEY];
  } catch {
    return [];
  }
  let list;
  try {
    list = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const now = Date.now();
  const since = now - REPLY_DAYS * 86400000;
  return list
    .map((e) => (typeof e === 'string' ? [now, e] : e))
    .filter((e) => Array.isArray(e) && typeof e[0] === 'number' && e[0] >= since && typeof e[1] === 'string');
}

// The texts of the replies sent within REPLY_DAYS, oldest first.
export async function recentTexts() {
  return (await stored()).map(([, text]) => text);
}

// Keeps `text` as sent now: once, the latest, the oldest going past REPLIES_KEPT; the aged ones go too.
export async function noteSent(text) {
  const list = (await stored()).filter(([, t]) => t !== text);
  list.push([Date.now(), text]);
  try {
    await area()?.set({ [RECENT_KEY]: JSON.stringify(list.slice(-REPLIES_KEPT)) });
  } catch {
    // Not stored (the quota, say): the repeated-reply check knows it in this page only.
  }
}
