// Putting text into the site's own composer, by editor kind — never by site — and checking
// that the editor really took it (research/sites.md §6):
//
// - <textarea>/<input> (X Chat, Instagram comments): the caret goes to its place and
//   execCommand("insertText") types the text (a trusted input event, on the undo stack); if
//   the value did not change, the value is set (by the element type's own setter) and an
//   `input` event tells the site's React.
// - Lexical (Facebook, Messenger, Instagram DMs): a `beforeinput` with
//   `insertReplacementText` and the text in a DataTransfer, which Lexical inserts through its
//   own state; then a synthetic paste; then execCommand.
// - Draft.js (X posts): a synthetic paste with text/plain, which Draft's paste handler turns
//   into editor state; then execCommand.
// - Any other contenteditable: execCommand("insertText").
//
// The agent's draft is never replaced: the text goes after what is already there, or, for a
// reply picked with the slash search, where the "/words" were. Each attempt is verified by
// reading the editor back; when none took, the text is copied to the clipboard and the caller
// says so. Nothing is ever posted.
//
// Why JavaScript: this is DOM events and selections from end to end, and every byte of the
// page module's WebAssembly is budgeted (src/web/composer.rs binds these).

// Which editor `el` is: "field", "lexical", "draft" or "contenteditable".
export function editorKind(el) {
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'input') return 'field';
  if (el.closest('[data-lexical-editor="true"]') !== null) return 'lexical';
  if (el.closest('.DraftEditor-root') !== null || el.querySelector('[data-contents="true"]') !== null) return 'draft';
  return 'contenteditable';
}

const isField = (el) => el.localName === 'textarea' || el.localName === 'input';

// The text an editor holds: a field's value, an editable element's text nodes (as the
// caret's place is counted in them, hidden ones too).
function shown(el) {
  return isField(el) ? el.value : el.textContent ?? '';
}

// Without white space: what verification compares (editors differ in how they space lines
// and paragraphs, never in the letters).
const solid = (s) => s.replace(/\s+/g, '');

// The exact place of the caret that `caretMark` saw last: for a field its index, for an
// editable element a copy of its range; with the element and its draft (without white space)
// then. Used while the draft is unchanged, so a reply picked at the start of a line, or on an
// empty one, goes there, where a count of letters alone cannot tell.
let saved = null;

// Where the caret is in `el`, as the number of characters that are not white space before it;
// -1 when the caret is not in `el`.
export function caretMark(el) {
  saved = null;
  // Asked right after `deleteBeforeCaret` began a deletion the editor makes later: the place
  // is where the words begin (the selection may not say so until the editor has redrawn).
  const d = deferred;
  if (d !== null && d.el === el && !d.marked) {
    d.marked = true;
    return d.at;
  }
  let before;
  if (isField(el)) {
    if (el.selectionStart === null) return -1;
    before = el.value.slice(0, el.selectionStart);
    saved = { el, at: el.selectionStart, draft: solid(el.value) };
  } else {
    const selection = el.ownerDocument.getSelection();
    if (selection === null || selection.rangeCount === 0 || !el.contains(selection.focusNode)) return -1;
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.setEnd(selection.focusNode, selection.focusOffset);
    before = range.toString();
    range.collapse(false);
    saved = { el, range, draft: solid(shown(el)) };
  }
  return solid(before).length;
}

// The draft without white space (what `insertText` compares a mark's draft by).
export function solidText(el) {
  return solid(shown(el));
}

// The index in `s` just after its `mark`-th character that is not white space (0 for 0, the
// length when there are fewer).
function rawIndex(s, mark) {
  if (mark <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (!/\s/.test(s[i])) seen++;
    if (seen === mark) return i + 1;
  }
  return s.length;
}

// Focuses `el` and puts the caret at the end (`mark` negative), or where `caretMark` saw it
// (the exact place while the draft is unchanged, else after `mark` characters that are not
// white space). Returns the characters just before and after the caret ("" at the edge of
// the text or of a line's block, or when unknown).
function placeCaret(el, mark) {
  el.focus();
  // The saved place, while the draft is unchanged and the place still has `mark` letters
  // before it (the editor may have drawn its text again, moving a saved range).
  let exact = saved !== null && saved.el === el && mark >= 0 && saved.draft === solid(shown(el)) ? saved : null;
  if (exact !== null) {
    let before = '';
    if (isField(el)) {
      before = exact.at <= el.value.length ? el.value.slice(0, exact.at) : el.value + '?';
    } else if (el.contains(exact.range.startContainer)) {
      const r = el.ownerDocument.createRange();
      r.selectNodeContents(el);
      r.setEnd(exact.range.startContainer, exact.range.startOffset);
      before = r.toString();
    } else {
      before = shown(el) + '?';
    }
    if (solid(before).length !== mark) exact = null;
  }
  if (isField(el)) {
    const value = el.value;
    let at = value.length;
    if (mark >= 0) at = exact !== null ? exact.at : rawIndex(value, mark);
    el.setSelectionRange(at, at);
    return [value[at - 1] ?? '', value[at] ?? ''];
  }
  const selection = el.ownerDocument.getSelection();
  let range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(mark === 0);
  let leaf = el;
  while (leaf.lastChild !== null) leaf = leaf.lastChild;
  if (mark < 0 && leaf.nodeType === Node.ELEMENT_NODE && leaf.matches('br[data-lexical-managed-linebreak]')) {
    // Lexical ends a paragraph whose last line is empty with a second, "managed" <br>. The
    // element's end maps to before the line break, where the reply would join the line
    // above: the caret goes just before that <br>, on the empty line.
    range.setStartBefore(leaf);
    range.collapse(true);
  }
  if (exact !== null) {
    range = exact.range.cloneRange();
  } else if (mark > 0) {
    // The text node and offset just after the mark-th character that is not white space.
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.nodeValue;
      let i = 0;
      for (; i < text.length && seen < mark; i++) if (!/\s/.test(text[i])) seen++;
      if (seen === mark) {
        range.setStart(node, i);
        range.collapse(true);
        break;
      }
    }
  }
  selection.removeAllRanges();
  selection.addRange(range);
  if (mark < 0) return [charAtEnd(el), ''];
  const node = range.startContainer;
  if (node.nodeType === Node.TEXT_NODE) return [node.nodeValue[range.startOffset - 1] ?? '', node.nodeValue[range.startOffset] ?? ''];
  // Between two children (where an editor removed the "/words"' own node): their last and
  // first characters, a line break for a <br>, "" for a block (another line).
  const edge = (child, last) => {
    if (!child || /^(P|DIV|LI|UL|OL|BLOCKQUOTE|H[1-6])$/.test(child.nodeName)) return '';
    if (child.nodeName === 'BR') return '\n';
    const text = child.textContent ?? '';
    return (last ? text[text.length - 1] : text[0]) ?? '';
  };
  return [edge(node.childNodes[range.startOffset - 1], true), edge(node.childNodes[range.startOffset], false)];
}

// Focuses the composer `el` again (after the checklist's Edit), keeping the caret where it is
// when it is still inside, or putting it back where `keepCaret` saw it (Draft.js drops its
// selection when the dialog takes the focus); else at the end of the draft, where the agent
// was typing as a rule. A click on a site's send button moves the selection out of the editor
// before the dialog opens, and a rich editor focused with no selection in it puts the caret at
// the start of the draft.
function focusDraft(el) {
  const selection = el.ownerDocument.getSelection();
  const k = kept;
  kept = null;
  if (isField(el) || (selection !== null && selection.rangeCount > 0 && el.contains(selection.anchorNode))) {
    el.focus();
    return;
  }
  if (selection !== null && k !== null && k.el === el && el.contains(k.range.startContainer)) {
    el.focus();
    selection.removeAllRanges();
    selection.addRange(k.range);
    return;
  }
  placeCaret(el, -1);
}

// Where the caret was in a composer when the checklist opened (see `focusDraft`).
let kept = null;

function keepCaret(el) {
  const selection = el.ownerDocument.getSelection();
  const inside = selection !== null && selection.rangeCount > 0 && el.contains(selection.anchorNode);
  kept = inside ? { el, range: selection.getRangeAt(0).cloneRange() } : null;
}

// For Rust (one binding for both: every byte of the module is budgeted): `keepCaret` when the
// checklist opens, `focusDraft` (`back`) on its Edit.
export function draftCaret(el, back) {
  if (back) focusDraft(el);
  else keepCaret(el);
}

// The last character an editable element shows: "\n" where its last line is empty (a
// paragraph of only a <br>, as Lexical and Draft.js draw one, or a soft line break), else the
// last letter of its text ("" when it has none). Its text alone joins the lines, and a reply
// after "Hi Kai," and a new line would start that line with a space.
function charAtEnd(el) {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let last = null;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE ? n.nodeValue !== '' : n.localName === 'br') last = n;
  }
  if (last === null) return '';
  return last.nodeType === Node.TEXT_NODE ? last.nodeValue.slice(-1) : '\n';
}

// Sets a field's value as typing would: through the value setter of its element type, not
// one a site's framework puts on the element. React defines such a setter in the page's world
// to keep its own copy of the value, and takes an `input` event as a change only when the
// value differs from that copy; were it to see this set, it would ignore the event and put
// its state back. (From Waypoint's own world React's setter is not visible anyway; this
// holds wherever this code runs.) The caller sends the input event.
function setFieldValue(el, value) {
  const proto = el.localName === 'input' ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

function transfer(text) {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  return dt;
}

const ATTEMPTS = {
  execCommand: (el, text) => el.ownerDocument.execCommand('insertText', false, text),
  paste: (el, text) =>
    el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer(text) })),
  beforeinput: (el, text) =>
    el.dispatchEvent(
      new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertReplacementText', dataTransfer: transfer(text) }),
    ),
};

const ORDER = {
  field: ['execCommand'],
  lexical: ['beforeinput', 'paste', 'execCommand'],
  draft: ['paste', 'execCommand'],
  contenteditable: ['execCommand', 'paste'],
};

// Lets the editor apply what it was sent (Lexical commits in a microtask, React may batch,
// and editors follow a moved caret on `selectionchange`, which comes in a task of its own).
const settle = () => new Promise((done) => setTimeout(done, 30));

// Inserts `text` into the composer `el` — after what it holds, or where `mark` (from
// `caretMark`) says when the text around it is still `around` (the draft without white space
// as it was when the mark was taken) — verifies it, and falls back to the clipboard.
// Returns "inserted:<kind>:<method>", "changed:<kind>" (the editor changed but does not read
// as the reply: the agent checks it; nothing is copied, or a paste would add it twice),
// "copied:<kind>" or "failed:<kind>:<reason>". Never throws.
export async function insertText(el, text, mark, around) {
  let kind = 'contenteditable';
  let before = null;
  try {
    // A deletion of the "/words" the editor makes itself, applied first (never waited on
    // for long: it settles by DELETE_WAIT_MS).
    const waiting = deleting;
    if (waiting !== null) {
      let timer = 0;
      await Promise.race([waiting, new Promise((done) => (timer = setTimeout(done, 2 * DELETE_WAIT_MS)))]);
      clearTimeout(timer);
      if (deleting === waiting) deleting = null;
    }
    // The reply of a slash pick whose "/words" the editor deleted itself (its mark is the one
    // `caretMark` gave for them, with the words still in the draft): where they were, while
    // the draft is as the deletion left it (`insertKind` compares); after the draft when the
    // editor did not delete them. Any other insertion leaves the place behind.
    const d = deferred;
    deferred = null;
    if (d !== null && d.el === el && d.marked && mark === d.at && around === d.draft) {
      if (d.placed === null) {
        mark = -1;
      } else {
        around = d.placed.draft;
        saved = { el, range: d.placed.range, draft: d.placed.draft };
      }
    }
    kind = editorKind(el);
    before = solid(shown(el));
    // Already in the box, whatever the case of its first letter (`insertKind` may have given
    // it a capital, which the panel's own check of a second press does not know): not again.
    if (solid(text) !== '' && before.toLowerCase().includes(solid(text).toLowerCase())) return 'already:';
    const code = await insertKind(el, kind, text, mark, around);
    if (code.startsWith('inserted:')) watchOutcome(el, text);
    return code;
  } catch (e) {
    // A browser call threw (the editor's element went away mid-way, a selection the page
    // would not take). The reply still goes to the clipboard, unless the box changed on the
    // way: a paste would add it a second time. A box that could not be read at all was not
    // changed by us either.
    const why = (typeof e?.message === 'string' && e.message) || 'the page refused';
    if (before !== null) {
      let now;
      try {
        now = solid(shown(el));
      } catch {
        return `failed:${kind}:${why}`;
      }
      if (now !== before && now !== '') return `changed:${kind}`;
    }
    const copied = await copyText(text);
    return copied === '' ? `copied:${kind}` : `failed:${kind}:${why}`;
  } finally {
    // The saved place served this insertion (or was passed over): it keeps no element of a
    // conversation left behind.
    saved = null;
  }
}

async function insertKind(el, kind, text, mark, around) {
  const before = solid(shown(el));
  // A mark for a draft that has changed since is not trusted: the text goes at the end.
  const at = mark >= 0 && mark <= before.length && before === around ? mark : before.length;
  const start = before.slice(0, at);
  // A reply that goes on in small letters (after the draft's "Hi Jane," it left out its own
  // greeting: "you're right…") starts a sentence with a capital where one ended, or first.
  // ("eBay", "iPhone" keep theirs.)
  // After an opening "¡" or "¿" too ("¡Hola Ana! ¡Gracias…").
  const small = /^([¡¿]?)(\p{Ll})(?!\p{Lu})/u.exec(text);
  if (/(^|[.!?])$/.test(start) && small) text = small[1] + small[2].toUpperCase() + text.slice(small[0].length);
  const rest = before.slice(at);
  const end = solid(text) + rest;
  const took = () => {
    const now = solid(shown(el));
    return now.startsWith(start) && now.endsWith(end) && now.length >= start.length + end.length;
  };
  const inside = at < before.length;
  // A space between the draft and the reply on each side where the draft has letters; a
  // blank line where a reply in paragraphs meets them, after it (the draft's words go on
  // after its signature, not on its last line: "…Sam see you soon"), and before it when the
  // draft is in lines too (a second reply after the first's signature).
  const spaced = (c) => c === '' || /\s/.test(c);
  const lines = text.includes('\n');
  const gap = (c, apart) => (spaced(c) ? '' : lines && apart ? '\n\n' : ' ');
  const apart = lines && (isField(el) ? el.value : el.innerText).trim().includes('\n');
  let piece = text;
  for (const method of ORDER[kind]) {
    // Typed into an editor that keeps its own model (Lexical, Draft.js), the line breaks of a
    // reply in paragraphs are lost (Lexical joins them: "…helping you.So I can…", which reads
    // back as the reply, white space aside): the clipboard keeps them, for the agent's paste.
    if (method === 'execCommand' && (kind === 'lexical' || kind === 'draft') && text.includes('\n')) break;
    try {
      const [prev, next] = placeCaret(el, inside ? at : -1);
      piece = gap(prev, apart) + text + (inside ? gap(next, true) : '');
    } catch {
      break;
    }
    // Editors follow a caret moved inside them on `selectionchange`, a task of its own: also
    // the one put at the end, away from where the agent left it (Draft.js would put the
    // reply at its own caret, or over the words selected).
    if (inside || kind !== 'field') await settle();
    // A previous attempt changed the editor without matching: stop before we add twice.
    const now = solid(shown(el));
    if (now !== before && now !== '') break;
    try {
      ATTEMPTS[method](el, piece);
    } catch {
      // The next technique, or the clipboard.
    }
    await settle();
    if (took()) return `inserted:${kind}:${method}`;
  }
  if (kind === 'field' && solid(el.value) === before) {
    const value = el.value;
    const [prev, next] = placeCaret(el, inside ? at : -1);
    const cut = el.selectionStart ?? value.length;
    piece = gap(prev, apart) + text + (inside ? gap(next, true) : '');
    setFieldValue(el, value.slice(0, cut) + piece + value.slice(cut));
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: el.value }));
    await settle();
    if (took()) return `inserted:${kind}:value`;
  }
  const now = solid(shown(el));
  if (now !== before && now !== '') return `changed:${kind}`;
  const copied = await copyText(text);
  return copied === '' ? `copied:${kind}` : `failed:${kind}:${copied}`;
}

// The panel's line saying how the last insertion went ("Inserted into the reply box…", and
// "This reply is already in the reply box…" on a second press: its `data-outcome` of the page
// contract) is emptied once the box no longer holds the reply (the agent emptied it, undid
// it or rewrote it, or the site sent it): it would say what is no longer so. One watch at a
// time, of the last reply inserted. In JavaScript, as `offerCopy`, for the module's size (the
// line is found in the panel's open shadow root, not handed over). A site's own script may
// empty a field by its value after a send (React does, as the practice page does), which fires
// no event, or draw the box anew: the box is also looked at every OUTCOME_LOOK_MS.
let watching = null;

const OUTCOME_LOOK_MS = 500;

function watchOutcome(el, text) {
  watching?.();
  const words = solid(text).toLowerCase();
  const observer = new MutationObserver(() => check());
  let timer = 0;
  const stop = () => {
    observer.disconnect();
    el.removeEventListener('input', check);
    clearInterval(timer);
    if (watching === stop) watching = null;
  };
  const check = () => {
    if (el.isConnected && solid(shown(el)).toLowerCase().includes(words)) return;
    stop();
    for (const panel of el.ownerDocument.querySelectorAll('waypoint-panel')) {
      const line = panel.shadowRoot?.querySelector('.outcome[data-outcome^="inserted:"], .outcome[data-outcome="already:"]');
      line?.removeAttribute('data-outcome');
      line?.replaceChildren();
    }
  };
  // An editable element's text changes its nodes; a field's value, with an input event.
  observer.observe(el, { childList: true, characterData: true, subtree: true });
  el.addEventListener('input', check);
  timer = setInterval(check, OUTCOME_LOOK_MS);
  watching = stop;
}

// Copies `text` to the clipboard (needs the agent's click, which the panel's button gives);
// "" when it did, else why not.
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return '';
  } catch (e) {
    return (typeof e === 'string' ? e : typeof e?.message === 'string' ? e.message : '') || 'the clipboard refused';
  }
}

// Makes `button` copy `text` to the clipboard when clicked, and say on itself how it went
// (the panel's notice of a reply left unsent; kept here, not in the module, for its size).
export function offerCopy(button, text) {
  button.addEventListener('click', async () => {
    const why = await copyText(text);
    button.textContent = why ? `Not copied: ${why}` : 'Copied';
  });
}

// Deletes the `units` UTF-16 code units just before the caret (the agent's "/words" that
// opened the template search), as the editor's own delete so its model and undo follow.
// Returns whether the composer's text got shorter, or is to once the editor applies a
// deletion it makes a moment later (Lexical: see below).
export function deleteBeforeCaret(el, units) {
  deferred = null;
  const before = shown(el).length;
  if (isField(el)) {
    const end = el.selectionEnd ?? 0;
    el.setSelectionRange(Math.max(0, end - units), end);
  } else {
    const selection = el.ownerDocument.getSelection();
    if (selection === null) return false;
    // Extends by characters; a trigger never holds surrogate pairs except in letters the
    // query allows, where one character may be two units: stop once the text is covered.
    let covered = 0;
    while (covered < units) {
      const was = selection.toString().length;
      selection.modify('extend', 'backward', 'character');
      const now = selection.toString().length;
      if (now <= was) break;
      covered = now;
    }
  }
  const doc = el.ownerDocument;
  const selection = isField(el) ? null : doc.getSelection();
  const words = selection?.toString() ?? '';
  // Where the words are, for the Lexical case below: the text node they are the whole of
  // (its number among the draft's text nodes that have text), and where its text begins.
  const whole = selection !== null && selection.rangeCount > 0 ? wholeNode(el, selection.getRangeAt(0)) : null;
  const draft = shown(el);
  if (doc.execCommand('delete') && shown(el).length < before) {
    // Lexical applies it a microtask later, setting its caret and with it the focus.
    if (!isField(el)) setTimeout(giveFocusBack(el), 0);
    return true;
  }
  // Lexical does nothing with a delete of words that are the whole text after a line break
  // (Shift+Enter, then "/words"), by selection or character by character: it redraws them,
  // and its commands act on its own idea of the selection until it follows the page's. Its
  // own Backspace deletes them once it has redrawn them (a microtask) and been told of a
  // selection of them (`selectionchange`, which it would otherwise see a task later). That
  // is done only when they are the whole of a text node that is still where it was, with
  // the same words, and the draft is as it was. An insertion waits for the editor to apply
  // the deletion (`deleting`); the pick's own goes where the words were (`deferred`).
  const root = el.closest('[data-lexical-editor="true"]');
  if (whole === null || !words.startsWith('/') || root === null) return false;
  const pick = { el, at: solid(draft.slice(0, whole.from)).length, draft: solid(draft), marked: false, placed: null };
  const restore = giveFocusBack(el);
  const pending = new Promise((done) => {
    let watch = null;
    let limit = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      watch?.disconnect();
      clearTimeout(limit);
      // After the editor's own update (its caret and focus are set as it applies it).
      setTimeout(() => {
        try {
          restore(true);
        } finally {
          done();
        }
      }, 0);
    };
    queueMicrotask(() => {
      try {
        const node = textNode(el, whole.number);
        if (node === null || node.data !== words || shown(el) !== draft) return finish();
        // The words' place: a live range, which follows the DOM as the editor removes them
        // (to between the line breaks around them).
        const place = doc.createRange();
        place.setStart(node, 0);
        // Done when the words are gone (not when the editor only redraws them), or after
        // DELETE_WAIT_MS whatever the editor did.
        watch = new MutationObserver(() => {
          const now = shown(el);
          if (now.length > draft.length - words.length) return;
          if (solid(now) === solid(draft.slice(0, whole.from) + draft.slice(whole.from + words.length))) {
            pick.placed = { draft: solid(now), range: place };
          }
          finish();
        });
        watch.observe(el, { childList: true, subtree: true, characterData: true });
        limit = setTimeout(finish, DELETE_WAIT_MS);
        const range = doc.createRange();
        range.selectNodeContents(node);
        const now = doc.getSelection();
        now.removeAllRanges();
        now.addRange(range);
        doc.dispatchEvent(new Event('selectionchange'));
        // To the editor's root, where Lexical listens, not bubbling through the site (the
        // page's listeners in the capture phase still see one untrusted Backspace).
        root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', code: 'Backspace', keyCode: 8, cancelable: true }));
        // The editor's steals of the focus are over a task later.
        setTimeout(restore, 0);
      } catch {
        finish();
      }
    });
  });
  deleting = pending;
  deferred = pick;
  return true;
}

// Where the agent goes after a slash pick is the template's first fill-in, which the panel
// focuses as soon as the "/words" are deleted from `el`; an editor that applies the deletion
// a moment later (Lexical: a microtask, or a redraw first) takes the focus back as it sets
// its caret. From now on, a focus the panel takes is noted; the function returned gives it
// back when the focus is in `el` again, unless the agent has since clicked or typed elsewhere
// in the page (their focus stands). Called with `last`, or at its latest FOCUS_WATCH_MS from
// now, it stops watching.
function giveFocusBack(el) {
  const doc = el.ownerDocument;
  let next = null;
  let acted = false;
  let over = false;
  const inPanel = (t) => t instanceof Element && t.getRootNode() instanceof ShadowRoot && t.getRootNode().host.localName === PANEL_TAG;
  const giveBack = () => {
    if (!over && !acted && next !== null && next.isConnected && el.contains(deepFocus(doc))) next.focus({ preventScroll: true });
  };
  const seen = (e) => {
    const target = e.composedPath()[0];
    if (inPanel(target)) next = target;
    // Taken back by the editor: given back once its update is over.
    else if (el.contains(target) && next !== null) setTimeout(giveBack, 0);
  };
  // A key the agent presses or a click, anywhere (typing in the fill-in, Insert, the reply
  // box): where the focus goes from then on is theirs, or the panel's (an insertion focuses
  // the reply box).
  const agent = (e) => {
    if (e.isTrusted) acted = true;
  };
  const stop = () => {
    over = true;
    doc.removeEventListener('focusin', seen, true);
    doc.removeEventListener('pointerdown', agent, true);
    doc.removeEventListener('keydown', agent, true);
  };
  doc.addEventListener('focusin', seen, true);
  doc.addEventListener('pointerdown', agent, true);
  doc.addEventListener('keydown', agent, true);
  setTimeout(stop, FOCUS_WATCH_MS);
  return (last = false) => {
    giveBack();
    if (last) stop();
  };
}

// How long after a slash pick a focus the editor takes back is returned to the panel, at most.
const FOCUS_WATCH_MS = 1000;

// How long an editor's own deletion of the "/words" is waited for, at most.
const DELETE_WAIT_MS = 500;

// The panel's element (src/web/panel, `TAG`): a focus it took is the agent's next place.
const PANEL_TAG = 'waypoint-panel';

// When `range` covers the whole of a text node of `el` that has text: that node's number
// among them (`textNode`), and where its text begins in `el`'s text; else null.
function wholeNode(el, range) {
  const node = range.startContainer;
  if (node.nodeType !== Node.TEXT_NODE || range.endContainer !== node || !el.contains(node)) return null;
  if (range.startOffset !== 0 || range.endOffset !== node.data.length || node.data === '') return null;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let number = 0;
  let from = 0;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n === node) return { number, from };
    from += n.data.length;
    if (n.data !== '') number++;
  }
  return null;
}

// The focused element, inside open shadow roots too (the panel's fields).
function deepFocus(doc) {
  let at = doc.activeElement;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}

// The `number`-th text node of `el` that has text (from 0), or null.
function textNode(el, number) {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n.data === '') continue;
    if (seen === number) return n;
    seen++;
  }
  return null;
}

// The moment a deletion made by the editor itself is applied (see `deleteBeforeCaret`).
let deleting = null;

// The slash pick whose "/words" the editor is to delete itself (see `deleteBeforeCaret`): the
// composer, the mark of their place (`caretMark` gives it once), the draft with them (without
// white space), and once they are gone, the draft then and their place (`placed`, a live
// range). The next insertion or deletion lets it go.
let deferred = null;

