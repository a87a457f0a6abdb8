// Which reply templates the agent inserted, kept in this browser (chrome.storage.local) under
// "waypoint.used": `{ seeds }`, how many times each was inserted (its rotation seed, so that
// its alternative phrasings take turns across pages, reloads and tabs).
//
// Why JavaScript: it is bookkeeping of a few JS values, and every byte of the page module's
// WebAssembly is budgeted (src/web/panel/replies.rs calls these).

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
