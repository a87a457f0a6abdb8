// Gathers the raw fields of a thread's message elements in one call from Rust (src/web/extract.rs).
//
// Why JavaScript: reading a message from Rust costs about fifteen calls across the wasm/JS
// boundary (queries, attributes, texts, each string copied into wasm memory on its own). A
// 2,000-message thread made 30,000 of them, most of a read's time, and in the module's JS
// translation each one is slower still. Here the same DOM calls run in a loop on the JS side
// and the whole thread crosses once, as one string.
//
// This file holds no site knowledge and makes no judgement: the plan (selectors from the site
// profile, see `plan()` in extract.rs) says what to read, and Rust decides what the values mean.
// When the first value of a field list means nothing to Rust (an empty text, a link that is not
// a post's), Rust asks `value` for the list's next alternative.
//
// Output: one record per message element, records separated by RS (U+001E), fields by US
// (U+001F). Page text holding either, or the escape ESC (U+001B), has them escaped as ESC and a
// letter ("[", "r", "u"), so hostile text cannot forge a field and nothing is lost.
//   known element:  "#" + its number in `seen` (only next to a fresh element)
//   fresh element:  "+" + its index in the list, then, per message field list (id, author
//                   name, author handle, time, text), US, the alternative used ("" = none
//                   found), US, its raw value; then, each after a US, the
//                   element's aria-label (when the plan reads labels), "1"/"0" for
//                   marked-as-ours, "1"/"0" for focused, "1"/"0" for not sent, and the
//                   texts of the self-text parts.
//   more to read:   "!" (the last record; see `read`)

const RS = '\u001e';
const US = '\u001f';
const ESC = '\u001b';
const SPECIALS = /[\u001b\u001e\u001f]/g;
const ESCAPED = { [ESC]: ESC + '[', [RS]: ESC + 'r', [US]: ESC + 'u' };

// Page text almost never holds the separators: three scans for one character each (native
// string search) tell so without the regular-expression engine, for every value of every
// message.
const clean = (s) =>
  s.indexOf(US) < 0 && s.indexOf(RS) < 0 && s.indexOf(ESC) < 0 ? s : s.replace(SPECIALS, (c) => ESCAPED[c]);

// Tags whose content is never read as text, and block tags that start a line (by local name:
// lower case in HTML and SVG alike, with no upper-cased copy of every tag name).
const SKIP = new Set(['script', 'style', 'template', 'svg']);
const BLOCK = new Set(['p', 'div', 'li']);

export class Gatherer {
  // `plan` is extract.rs's `plan()`: sections separated by RS, items by US.
  constructor(plan) {
    const list = (section) => (section === '' ? [] : section.split(US));
    const [exclude, drop, labels, selfMarker, selfText, focused, unsent, answering, answered, every, messages, ...fields] =
      plan.split(RS).map(list);
    this.messages = messages;
    this.every = every.length > 0 ? every[0] : '';
    this.exclude = exclude;
    this.excludeAny = exclude.join(', ');
    this.drop = drop;
    this.labels = labels[0] === '1';
    this.selfMarker = selfMarker;
    this.selfText = selfText;
    this.focused = focused;
    this.unsent = unsent;
    this.answeringAny = answering.join(', ');
    this.answerable = answered;
    this.before = [];
    // Per field list: plain reading or not, and its alternatives as { sel, attr } (attr null
    // for the text). Objects, not pairs: a pair taken apart (`const [a, b] = pair`) runs the
    // iterator protocol until V8 optimizes the code, and a long thread's first read runs
    // mostly unoptimized, five fields a message. Loops below index their arrays for the same
    // reason.
    this.fields = fields.map(([how, ...rest]) => {
      const picks = [];
      for (let i = 0; i + 1 < rest.length; i += 2) picks.push({ sel: rest[i], attr: rest[i + 1] === '' ? null : rest[i + 1] });
      // The alternatives as one selector list, for a search of the whole page (see `value`).
      const any = picks.length > 1 && picks.every((p) => p.sel !== '') ? picks.map((p) => p.sel).join(', ') : null;
      return { plain: how === 'p', picks, any };
    });
    if (this.fields.length !== 9) throw new Error(`Waypoint: a reading plan with ${this.fields.length} field lists`);
    this.list = [];
    this.found = [];
    this.fresh = [];
    // What the page added inside the container since the last search of it (see `grown`).
    this.watch = null;
  }

  // Finds the message elements inside `container` by the first of the plan's message lists
  // that finds any (a selector the browser refuses is passed over, as one that finds nothing),
  // keeps them for `read`, and says how many there are.
  //
  // A search visits every element of the container, and a page that keeps adding posts (a
  // long timeline: 600,000 elements for 5,000 posts shaped like x.com's) would have it
  // repeated at every re-read. So after a search the container is watched, and when the page
  // has since only added nodes inside it, the elements found are those of the last search
  // and the matches among what was added, in page order (`grown`): the same answer, for the
  // message lists whose matches can only come from added nodes (see `additive`).
  find(container) {
    const grown = this.grown(container);
    if (grown !== null) {
      this.found = grown;
      return grown.length;
    }
    this.found = [];
    const lists = this.messages;
    let used = -1;
    // The first list that finds any and leaves no message out (`every`), else the first that
    // finds any.
    let partial = -1;
    for (let i = 0; i < lists.length; i++) {
      let found;
      try {
        found = lists[i].startsWith(ROWS) ? rows(container, lists[i].slice(ROWS.length)) : container.querySelectorAll(lists[i]);
      } catch {
        continue;
      }
      if (found.length === 0) continue;
      if (this.every === '' || this.covers(container, found)) {
        this.found = found;
        used = i;
        break;
      }
      if (partial < 0) {
        partial = i;
        this.found = found;
      }
    }
    if (used < 0) used = partial;
    this.watchFrom(container, used);
    return this.found.length;
  }

  // Whether every element of `container` matching `every` is one of `found` or inside one.
  covers(container, found) {
    let all;
    try {
      all = container.querySelectorAll(this.every);
    } catch {
      return true;
    }
    const set = new Set(found);
    for (let i = 0; i < all.length; i++) {
      let at = all[i];
      while (at !== null && at !== container && !set.has(at)) at = at.parentElement;
      if (at === null || at === container) return false;
    }
    return true;
  }

  // The attribute names the message lists test: a container's watch reports their changes
  // (see ContainerWatch).
  watched() {
    return attributesOf(this.messages.filter((sel) => !sel.startsWith(ROWS)));
  }

  // Watches `container` after a search that found its messages with list `used` (-1: none
  // found), when the lists up to it allow `grown`; stops watching the last container. The
  // records come from the container's watch (ContainerWatch, the content script's one
  // observer of it), or, for a container nobody watches (a read from a test or benchmark),
  // from one made for the gatherer.
  watchFrom(container, used) {
    this.unwatch();
    const lists = used < 0 ? [] : this.messages.slice(0, used + 1);
    if (lists.length === 0 || !lists.every(additive)) return;
    let shared = WATCHES.get(container);
    const own = shared === undefined;
    if (own) shared = new ContainerWatch(container, null, null, this);
    // What changed before the search is not this watch's: it goes to the others now.
    else shared.flush();
    // Only the elements added are kept; the first removal of an element, change to a tested
    // attribute, or too many additions dooms the watch (nothing more is kept: the next find
    // searches). A change of text adds or removes no element.
    const watch = { container, used, added: [], doomed: false, known: null, shared, own, note: null };
    watch.note = (records) => {
      for (let i = 0; i < records.length && !watch.doomed; i++) {
        const r = records[i];
        if (r.type === 'characterData') continue;
        let doomed = r.type !== 'childList' || watch.added.length > MAX_ADDED;
        for (let k = 0; k < r.removedNodes.length && !doomed; k++) doomed = r.removedNodes[k].nodeType === 1;
        if (doomed) {
          watch.doomed = true;
          watch.added = [];
          this.release(watch);
          return;
        }
        for (let k = 0; k < r.addedNodes.length; k++) if (r.addedNodes[k].nodeType === 1) watch.added.push(r.addedNodes[k]);
      }
    };
    // One gatherer's watch at a time takes a container's records: one that took them
    // before (another profile's gatherer) searches again at its next find.
    if (shared.watch !== null) {
      shared.watch.doomed = true;
      shared.watch.added = [];
    }
    shared.watch = watch;
    this.watch = watch;
  }

  // Stops taking `watch`'s records (and stops the observer made for it).
  release(watch) {
    if (watch.shared.watch === watch) watch.shared.watch = null;
    if (watch.own) watch.shared.disconnect();
  }

  // The last search's elements with those added since, in page order, when `container` is
  // the one watched, the page has only added nodes inside it, and they all went in after the
  // last element found or before the first (a timeline growing at either end); else null
  // (search again). Placing elements anywhere else would take the browser longer than a
  // search: it orders two siblings by walking back from one to the other.
  grown(container) {
    const watch = this.watch;
    if (watch === null || watch.container !== container) return null;
    watch.shared.flush();
    if (watch.doomed) return null;
    const added = watch.added;
    watch.added = [];
    const old = this.found;
    if (added.length === 0) return old;
    try {
      const lists = this.messages;
      // A list before the one used that now finds something would be used instead.
      for (let i = 0; i < watch.used; i++) {
        const earlier = matchesAmong(added, lists[i], container, null);
        if (earlier === null || earlier.length > 0) return this.unwatch();
      }
      // With `:has()`, an element already found can match again above an added node.
      if (watch.known === null && lists[watch.used].includes(':has(')) watch.known = new Set(old);
      const fresh = matchesAmong(added, lists[watch.used], container, watch.known);
      if (fresh === null) return this.unwatch();
      if (fresh.length === 0) return old;
      const n = old.length;
      let out;
      if (n === 0 || old[n - 1].compareDocumentPosition(fresh[0]) & FOLLOWING) {
        out = Array.from(old);
        for (let i = 0; i < fresh.length; i++) out.push(fresh[i]);
      } else if (fresh[fresh.length - 1].compareDocumentPosition(old[0]) & FOLLOWING) {
        out = fresh.concat(Array.from(old));
      } else {
        return this.unwatch();
      }
      if (watch.known !== null) for (let i = 0; i < fresh.length; i++) watch.known.add(fresh[i]);
      return out;
    } catch {
      // A selector the browser refuses: the search passes over it.
      return this.unwatch();
    }
  }

  // Stops watching (the next find searches and watches again); null, for `grown`.
  unwatch() {
    if (this.watch !== null) this.release(this.watch);
    this.watch = null;
    return null;
  }

  // Whether every element the last `find` found is a key of `map`, the elements read of the
  // conversation just left: a single-page app changes the URL first and draws the next
  // conversation a moment later, and until then the page still shows the last one.
  allIn(map) {
    for (const el of this.found) if (!map.has(el)) return false;
    return this.found.length > 0;
  }

  // Reads the elements the last `find` found (in page order). Elements found in `seen` (a WeakMap
  // from element to number, or null) were read before: only those next to a fresh element
  // come back (as their number), since they alone place it; a re-read of a long thread that
  // gained one message returns three records, not thousands.
  //
  // At most `limit` fresh elements are read, in page order: when more are left, the output
  // ends with the record "!" and the next read (with the ones read now in `seen`) goes on from
  // there. A long thread's first read is so split into tasks the page can run between.
  read(seen, limit) {
    // The list is the static NodeList of querySelectorAll (or the rows' array): kept as it is
    // (no copy of every element, and no array of every element's number, at every re-read of
    // a long thread).
    const list = this.found;
    this.list = list;
    this.fresh = [];
    const n = list.length;
    const known = (i) => (seen === null || i >= n ? undefined : seen.get(list[i]));
    const records = [];
    let before = undefined;
    let here = known(0);
    for (let i = 0; i < n; i++) {
      if (here === undefined && this.fresh.length >= limit) {
        records.push('!');
        break;
      }
      const after = known(i + 1);
      if (here === undefined) {
        this.fresh.push(list[i]);
        records.push('+' + i + this.message(list[i]));
      } else if ((i > 0 && before === undefined) || (i + 1 < n && after === undefined)) {
        records.push('#' + here);
      }
      before = here;
      here = after;
    }
    return records.join(RS);
  }

  // The message element at `index` of the last read, for `value`.
  element(index) {
    return this.list[index];
  }

  // Remembers the fresh elements of the last read under `numbers` (in their order; a number
  // of 0xFFFFFFFF leaves the element unremembered).
  remember(seen, numbers) {
    const n = Math.min(numbers.length, this.fresh.length);
    for (let i = 0; i < n; i++) {
      if (numbers[i] !== 0xffffffff) seen.set(this.fresh[i], numbers[i]);
    }
    this.fresh = [];
  }

  message(el) {
    const ex = this.exclude.length > 0 && el.querySelector(this.excludeAny) !== null ? this.exclude : null;
    let out = '';
    for (let k = 0; k < MESSAGE_LISTS; k++) out += this.field(el, this.fields[k], ex, 0);
    out += US + (this.labels ? clean(el.getAttribute('aria-label') ?? '') : '');
    let ours = false;
    const markers = this.selfMarker;
    for (let i = 0; i < markers.length && !ours; i++) {
      const m = markers[i];
      if (m.startsWith(THEIRS)) {
        // Marked as the other party's: the markers after this one (slower) are not asked.
        const sel = m.slice(THEIRS.length);
        if (el.matches(sel) || this.scoped(el, sel, ex) !== null) break;
        continue;
      }
      ours = m.startsWith(END) ? endAligned(el, m.slice(END.length)) : el.matches(m) || this.scoped(el, m, ex) !== null;
    }
    out += ours ? US + '1' : US + '0';
    let focused = false;
    const marks = this.focused;
    for (let i = 0; i < marks.length && !focused; i++) focused = el.matches(marks[i]);
    out += focused ? US + '1' : US + '0';
    let unsent = false;
    const failed = this.unsent;
    for (let i = 0; i < failed.length && !unsent; i++) unsent = this.scoped(el, failed[i], ex) !== null;
    out += unsent ? US + '1' : US + '0';
    const parts = this.selfText;
    for (let i = 0; i < parts.length; i++) {
      const part = this.scoped(el, parts[i], ex);
      out += US + (part === null ? '' : clean(text(part, NONE)));
    }
    return out;
  }

  // The authors of the messages nearest before a reply box that names only us (`focused`, the
  // one the agent last typed in, else the page's first), at most ANSWERED of them, nearest
  // first, as `field` gives the author-name list, joined by RS; "" when no such box is open.
  // The messages are those such a box answers (top-level comments), found in page order by
  // the first of the plan's alternatives that finds any; "before" is in page order, so a
  // message holding the box counts. `preceding(i)` is the i-th of them, for `value`.
  answered(root, focused) {
    this.before = [];
    if (this.answeringAny === '') return '';
    const box = focused ?? root.querySelector(this.answeringAny);
    if (box === null) return '';
    let list = null;
    for (const sel of this.answerable) {
      if (sel.startsWith(ROWS)) continue;
      list = root.querySelectorAll(sel);
      if (list.length > 0) break;
    }
    if (list === null || list.length === 0) return '';
    // How many messages begin before the box: a binary search of the list in page order.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].compareDocumentPosition(box) & FOLLOWING) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo - 1; i >= 0 && this.before.length < ANSWERED; i--) {
      const el = list[i];
      this.before.push(el);
      out.push(this.value(el, AUTHOR_NAME, 0, true));
    }
    return out.join(RS);
  }

  preceding(index) {
    return this.before[index];
  }

  forgetPreceding() {
    this.before = [];
  }

  // Field list `list` read in `el` (a message element when `message`, else the page's root),
  // from its alternative `from` on: for Rust, when the first value found means nothing.
  // A page-level field (`el` the page's root) is first looked for as one search for any of
  // its alternatives: on a long page that lacks it (no side nav, no chat header), each
  // alternative's search visits every element, and this visits them once.
  value(el, list, from, message) {
    const field = this.fields[list];
    if (!message && from === 0 && field.any !== null) {
      let found;
      try {
        found = el.querySelector(field.any);
      } catch {
        found = undefined; // a selector the browser refuses: each alternative on its own
      }
      if (found === null) return US + US;
    }
    const ex = message && this.exclude.length > 0 && el.querySelector(this.excludeAny) !== null ? this.exclude : null;
    return this.field(el, field, ex, from);
  }

  // The first alternative of a field list, from `from` on, that finds its element (and
  // attribute), as US, its index, US, its raw value; US US when none does.
  // `field` = { plain, picks: [{ sel, attr (null for the text) }, ...] }.
  field(el, field, ex, from) {
    const drop = field.plain ? NONE : this.drop;
    const picks = field.picks;
    for (let i = from; i < picks.length; i++) {
      const pick = picks[i];
      const part = this.scoped(el, pick.sel, ex);
      if (part === null) continue;
      if (pick.attr === null) return US + i + US + clean(text(part, drop));
      const value = part.getAttribute(pick.attr);
      if (value !== null) return US + i + US + clean(value);
    }
    return US + US;
  }

  // The first match of `sel` inside `el` that is not inside an excluded part ("" = `el`).
  scoped(el, sel, ex) {
    if (sel === '') return el;
    if (ex === null) return el.querySelector(sel);
    const candidates = el.querySelectorAll(sel);
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i];
      let inside = false;
      for (let k = 0; k < ex.length && !inside; k++) {
        const anc = candidate.closest(ex[k]);
        inside = anc !== null && anc !== el && el.contains(anc);
      }
      if (!inside) return candidate;
    }
    return null;
  }

}

const NONE = [];

// A message list with no selector to find it (Instagram's DMs since 2026, research/sites.md
// §5.1: the grid role is gone and rows have no role): `ROWS` and a selector. The rows are the
// children of the element, at most three levels inside the conversation's scroller, with the
// most children holding a match of the selector (the message content; a row's own parts hold
// one at most), an element of two children or more winning a tie; those holding one are
// messages, the rest (day separators, "Seen") are not.
const ROWS = '@rows ';
// A self marker with no selector: `END` and the content's selector. The message's content is
// pushed to the end of its row: `justify-content: flex-end` on the content or one of its
// ancestors inside the message (not on a part inside the content: a card's footer), as our
// own are.
const END = '@flex-end ';
// A marker of the other party's messages: `THEIRS` and a selector. A message matching it is
// not ours, and the markers after it are not tried: the fallbacks (a computed style) are
// asked only of messages that carry neither the site's own mark nor the other's.
const THEIRS = '@theirs ';
const ROW_DEPTH = 3;

// The scroller last found in each conversation container.
const scrollers = new WeakMap();

function rows(container, content) {
  const scroller = scrollerOf(container);
  if (scroller === null) return [];
  // How many children of `el` hold content, twice, and one more for two children or more (a
  // list of one message and a day separator beats the wrappers around it).
  const holding = (el) => {
    let n = 0;
    for (let c = el.firstElementChild; c !== null; c = c.nextElementSibling) if (c.querySelector(content) !== null) n++;
    return n === 0 ? 0 : 2 * n + (el.childElementCount >= 2 ? 1 : 0);
  };
  // Breadth first: on a tie the shallower wins (the list, not one of its rows).
  let best = scroller;
  let most = holding(scroller);
  let level = [scroller];
  for (let depth = 1; depth <= ROW_DEPTH; depth++) {
    const next = [];
    for (let i = 0; i < level.length; i++) {
      for (let c = level[i].firstElementChild; c !== null; c = c.nextElementSibling) {
        next.push(c);
        const n = holding(c);
        if (n > most) {
          best = c;
          most = n;
        }
      }
    }
    level = next;
  }
  if (most === 0) return [];
  const out = [];
  for (let r = best.firstElementChild; r !== null; r = r.nextElementSibling) {
    if (r.querySelector(content) !== null) out.push(r);
  }
  return out;
}

// The first element inside `container` (in page order) that scrolls vertically.
function scrollerOf(container) {
  const known = scrollers.get(container);
  if (known !== undefined && container.contains(known) && scrolls(known)) return known;
  const walker = container.ownerDocument.createTreeWalker(container, 1);
  for (let el = walker.nextNode(); el !== null; el = walker.nextNode()) {
    if (scrolls(el)) {
      scrollers.set(container, el);
      return el;
    }
  }
  return null;
}

function scrolls(el) {
  const y = getComputedStyle(el).overflowY;
  return y === 'auto' || y === 'scroll';
}

// How many added elements a watched container may gather between two reads before it is
// searched again instead (a page rebuilt many times over while nothing read it).
const MAX_ADDED = 20000;

// The text of `sel` with its attribute tests (`[...]`, whose values may hold any character)
// left out.
const withoutAttributes = (sel) => sel.replace(ATTRIBUTE_TEST, '');
// `:not()` of attribute tests only.
const NOT_ATTRIBUTES = /:not\((?:\[(?:[^\]"']|"[^"]*"|'[^']*')*\])+\)/g;
const ATTRIBUTE_TEST = /\[(?:[^\]"']|"[^"]*"|'[^']*')*\]/g;

// Whether the elements `sel` matches inside a container can only change, as nodes are added
// to it, at the added nodes, inside them, or at their ancestors (`:has()`); removals and the
// attributes the selector tests are watched for separately. Sibling combinators and every
// pseudo-class but `:has()` and `:not()` of attribute tests are refused: adding a node
// changes which of its siblings are `:last-child`, or follow it. `:has()` is allowed only on
// the element matched (after the last combinator): in `ul:has(time) li`, a time added to the
// list makes its other items match.
function additive(sel) {
  if (sel.startsWith(ROWS)) return false;
  const rest = withoutAttributes(sel.replace(NOT_ATTRIBUTES, ''));
  if (/[+~]/.test(rest)) return false;
  const pseudo = rest.match(/:+[a-zA-Z-]+/g) ?? [];
  if (!pseudo.every((p) => p === ':has')) return false;
  // Each selector of the list, with the insides of `:has()` left out: no combinator after
  // a `:has(`.
  let depth = 0;
  let outer = '';
  for (const c of rest) {
    if (c === '(') depth += 1;
    if (depth === 0) outer += c;
    if (c === ')') depth -= 1;
  }
  return outer.split(',').every((one) => {
    const at = one.indexOf(':has');
    return at < 0 || !/[\s>]/.test(one.slice(at).trim());
  });
}

// The attribute names the selectors test (and class and id for `.x` and `#x`).
function attributesOf(sels) {
  const names = new Set();
  for (const sel of sels) {
    for (const m of sel.matchAll(/\[\s*([a-zA-Z_][\w-]*)/g)) names.add(m[1]);
    const rest = withoutAttributes(sel);
    if (/\.[a-zA-Z_-]/.test(rest)) names.add('class');
    if (/#[a-zA-Z_-]/.test(rest)) names.add('id');
  }
  return [...names];
}

// The elements inside `container` that match `sel` and are, or are inside, one of the `added`
// elements (or, for a selector with `:has()`, are their ancestors, unless `known` holds them),
// in page order, once each; null when they were not added in page order.
function matchesAmong(added, sel, container, known) {
  const has = sel.includes(':has(');
  const found = new Set();
  // Ancestors already tested in this call: each is tested once, and the walk up from a node
  // stops there (its own ancestors were tested with it). Testing a `:has()` that does not
  // match scans the ancestor's whole subtree: once per added comment inside a post holding
  // 5,000 of them, 300 comments took about 7 s.
  const tested = has ? new Set() : null;
  for (let i = 0; i < added.length; i++) {
    const a = added[i];
    // Added to a node that has since left the container (its removal was a record too).
    if (a === container || !container.contains(a)) continue;
    if (has) {
      // Outermost first: page order.
      const above = [];
      for (let up = a.parentElement; up !== null && up !== container && !tested.has(up); up = up.parentElement) {
        tested.add(up);
        if ((known === null || !known.has(up)) && up.matches(sel)) above.push(up);
      }
      for (let k = above.length - 1; k >= 0; k--) found.add(above[k]);
    }
    if (a.matches(sel)) found.add(a);
    const inside = a.querySelectorAll(sel);
    for (let k = 0; k < inside.length; k++) found.add(inside[k]);
  }
  const out = [...found];
  // Each test asks whether an element follows the one before it, which the browser answers
  // by walking back from it to the other (a step for neighbours; asked the other way round it
  // walks back to the first of thousands of posts).
  for (let i = 1; i < out.length; i++) if ((out[i - 1].compareDocumentPosition(out[i]) & FOLLOWING) === 0) return null;
  return out;
}

// Whether the content of message `el` (the first match of `content`, else `el` itself), or
// one of its ancestors up to `el`, aligns its content to the end of the line: a row of flex
// items, or a grid, justified to the end (a column justified so pushes its bubble down, not
// to our side).
function endAligned(el, content) {
  for (let at = el.querySelector(content) ?? el; at !== null; at = at === el ? null : at.parentElement) {
    const style = getComputedStyle(at);
    const j = style.justifyContent;
    if (j !== 'flex-end' && j !== 'end') continue;
    const d = style.display;
    if (d.endsWith('grid') || (d.endsWith('flex') && style.flexDirection === 'row')) return true;
  }
  return false;
}

// The one MutationObserver of a conversation's container (the content script's, through
// observe.rs): its records go to the gatherer that searched the container last (see
// `watchFrom`), forget the message elements they changed (`seen`, so that they are read
// again), and then call `onChange` (which schedules the re-read). Text, elements, and the
// attributes the gatherer's message lists test (`gatherer.watched()`) are watched.
const WATCHES = new WeakMap();

export class ContainerWatch {
  constructor(container, seen, onChange, gatherer) {
    this.container = container;
    this.seen = seen;
    this.onChange = onChange;
    // The watch of the gatherer that searched the container last (see `watchFrom`).
    this.watch = null;
    this.observer = new MutationObserver((records) => this.deliver(records, true));
    const init = { childList: true, subtree: true, characterData: true };
    const names = gatherer === null ? [] : gatherer.watched();
    if (names.length > 0) {
      init.attributes = true;
      init.attributeFilter = names;
    }
    this.observer.observe(container, init);
    // The content script's watch is the one gatherers share (not one made for a gatherer).
    if (onChange !== null) WATCHES.set(container, this);
  }

  // The changes of attributes are for the gatherer only: a tested attribute that changes
  // (a class, on the Meta sites, changes at every hover) may change which elements are
  // messages, so its next find searches; it causes no re-read of its own.
  deliver(records, change) {
    if (this.watch !== null) this.watch.note(records);
    let changed = records;
    for (let i = 0; i < records.length; i++) {
      if (records[i].type === 'attributes') {
        changed = records.filter((r) => r.type !== 'attributes');
        break;
      }
    }
    if (changed.length === 0) return;
    if (this.seen !== null) forgetChanged(this.seen, changed);
    if (change && this.onChange !== null) this.onChange();
  }

  // Delivers the records not yet delivered, now, without `onChange`: a read is under way (or
  // starting), and reads what they changed.
  flush() {
    const records = this.observer.takeRecords();
    if (records.length > 0) this.deliver(records, false);
  }

  disconnect() {
    this.observer.disconnect();
    if (this.watch !== null) {
      this.watch.doomed = true;
      this.watch.added = [];
    }
    this.watch = null;
    this.onChange = null;
    if (WATCHES.get(this.container) === this) WATCHES.delete(this.container);
  }
}

// Forgets (in `seen`) the message elements that the mutation `records` changed: the nearest
// element around each change that `seen` holds, so that a message read before is read again.
export function forgetChanged(seen, records) {
  for (let i = 0; i < records.length; i++) {
    const target = records[i].target;
    for (let el = target.nodeType === 1 ? target : target.parentElement; el !== null; el = el.parentElement) {
      if (seen.delete(el)) break;
    }
  }
}

// The plan's field lists: five per message (id, author name, author handle, time, text), then
// four from the whole page (our handle and name, the other party's name and handle).
const MESSAGE_LISTS = 5;
// The author-name list among them.
const AUTHOR_NAME = 1;
// How many messages before a reply box are looked at for the person it answers.
const ANSWERED = 8;
// Node.DOCUMENT_POSITION_FOLLOWING.
const FOLLOWING = 4;

// The text a person reads inside `el` (the element itself is read whatever it is): text
// nodes, emoji images as their alt, <br> and blocks as line breaks; scripts, styles, hidden
// and dropped parts left out. Rust trims it.
function text(el, drop) {
  acc = '';
  for (let c = el.firstChild; c !== null; c = c.nextSibling) walk(c, drop);
  const s = acc;
  acc = '';
  return s;
}

// What `text` has read so far (one string for the whole walk, not an object per call).
let acc = '';

// Whether `node` matches one of the `drop` selectors.
function dropped(node, drop) {
  for (let i = 0; i < drop.length; i++) if (node.matches(drop[i])) return true;
  return false;
}

function walk(node, drop) {
  const type = node.nodeType;
  if (type === 3) {
    acc += node.nodeValue;
    return;
  }
  if (type !== 1) return;
  const name = node.localName;
  if (SKIP.has(name) || node.hasAttribute('hidden') || (drop.length > 0 && dropped(node, drop))) return;
  if (name === 'br') {
    acc += '\n';
    return;
  }
  if (name === 'img') {
    acc += node.getAttribute('alt') ?? '';
    return;
  }
  if (BLOCK.has(name) && acc.length > 0 && !acc.endsWith('\n')) acc += '\n';
  for (let c = node.firstChild; c !== null; c = c.nextSibling) walk(c, drop);
}
