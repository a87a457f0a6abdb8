// Putting text into the site's own composer, by editor kind — never by site — and checking
// that the editor really took it (research/sites.md §6):
//
// - <textarea>/<input> (X Chat, Instagram comments): the caret goes to its place and
//   execCommand("insertText") types the text (a trusted input event, on the undo stack); if
//   the value did not change, the value is set and an `input` event tells the site's React.
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

// The text an editor shows.
function shown(el) {
  if (isField(el)) return el.value;
  return el instanceof HTMLElement ? el.innerText : el.textContent ?? '';
}

// Without white space: what verification compares (editors differ in how they space lines
// and paragraphs, never in the letters).
const solid = (s) => s.replace(/\s+/g, '');

// Where the caret is in `el`, as the number of characters that are not white space before it;
// -1 when the caret is not in `el`.
export function caretMark(el) {
  if (isField(el)) return el.selectionStart === null ? -1 : solid(el.value.slice(0, el.selectionStart)).length;
  const selection = el.ownerDocument.getSelection();
  if (selection === null || selection.rangeCount === 0 || !el.contains(selection.focusNode)) return -1;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.setEnd(selection.focusNode, selection.focusOffset);
  return solid(range.toString()).length;
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

// Focuses `el` and puts the caret after `mark` characters that are not white space (see
// `caretMark`), or at the end when `mark` is negative.
function placeCaret(el, mark) {
  el.focus();
  if (isField(el)) {
    const at = mark < 0 ? el.value.length : rawIndex(el.value, mark);
    el.setSelectionRange(at, at);
    return;
  }
  const selection = el.ownerDocument.getSelection();
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(mark === 0);
  if (mark > 0) {
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
// Returns "inserted:<kind>:<method>", "copied:<kind>" or "failed:<kind>:<reason>".
export async function insertText(el, text, mark, around) {
  const kind = editorKind(el);
  const before = solid(shown(el));
  // A mark for a draft that has changed since is not trusted: the text goes at the end.
  const at = mark >= 0 && mark <= before.length && before === around ? mark : before.length;
  const start = before.slice(0, at);
  const rest = before.slice(at);
  const end = solid(text) + rest;
  const took = () => {
    const now = solid(shown(el));
    return now.startsWith(start) && now.endsWith(end) && now.length >= start.length + end.length;
  };
  const inside = at < before.length;
  // A space between the draft and the reply on each side where the draft has none.
  const raw = shown(el);
  const i = rawIndex(raw, at);
  const piece = (i > 0 && !/\s/.test(raw[i - 1]) ? ' ' : '') + text + (inside && !/\s/.test(raw[i] ?? ' ') ? ' ' : '');
  for (const method of ORDER[kind]) {
    try {
      placeCaret(el, inside ? at : -1);
    } catch {
      break;
    }
    // Editors follow a caret moved inside them on `selectionchange`, a task of its own.
    if (inside) await settle();
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
    const cut = inside ? rawIndex(value, at) : value.length;
    el.value = value.slice(0, cut) + piece + value.slice(cut);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: el.value }));
    await settle();
    if (took()) return `inserted:${kind}:value`;
  }
  const copied = await copyText(text);
  return copied === '' ? `copied:${kind}` : `failed:${kind}:${copied}`;
}

// Copies `text` to the clipboard (needs the agent's click, which the panel's button gives);
// "" when it did, else why not.
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return '';
  } catch (e) {
    return String(e?.message ?? e ?? 'the clipboard refused') || 'the clipboard refused';
  }
}

// Deletes the `units` UTF-16 code units just before the caret (the agent's "/words" that
// opened the template search), as the editor's own delete so its model and undo follow.
// Returns whether the composer's text got shorter.
export function deleteBeforeCaret(el, units) {
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
  return el.ownerDocument.execCommand('delete') && shown(el).length < before;
}
