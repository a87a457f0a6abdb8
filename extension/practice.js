// The practice page's pretend site: a made-up customer conversation in X Chat's markup
// (research/sites.md §3.2: dm-conversation-header, dm-message-list, message-<id> aligned to the
// end for us, a textarea composer and its send button), so that Waypoint, started on this page
// as on x.com, reads it, suggests replies and checks the draft before "Send". It plays the
// site, not Waypoint: it sends nothing anywhere, and a reply sent only joins the thread here.
// The conversations are written for this page; none is a real customer's.

const CONVERSATIONS = {
  billing: {
    label: 'Charged twice',
    name: 'Sam Lee',
    handle: 'samlee',
    messages: [
      [9, 'Hi, I have been charged twice for my subscription this month.'],
      [7, 'Can you refund one of them? It is the second time this has happened 😕'],
    ],
    again: [
      'I checked my bank app again and both payments are still there.',
      'How long will the refund take to show up?',
      'Thanks. Please make sure it does not happen a third time.',
    ],
  },
  late: {
    label: 'Late order, third time asking',
    name: 'Maria Garcia',
    handle: 'mariagarcia',
    messages: [
      [50, 'My order #4471 was due on Tuesday and it still has not arrived.'],
      [22, 'Still waiting and nobody has answered me. Third time asking!!'],
    ],
    again: [
      'Can someone at least tell me where it is?',
      'The tracking page just says "in transit" since Monday.',
      'If it is lost I would rather have a refund.',
    ],
  },
  outage: {
    label: 'App down before a flight',
    name: 'Alex Kim',
    handle: 'alexkim',
    messages: [[3, "Is the app down? I can't log in and I need my boarding pass in an hour"]],
    again: [
      'Still getting an error on the login screen.',
      'Boarding in 40 minutes. Is there another way to get my pass?',
      'It works now, thank you!',
    ],
  },
  praise: {
    label: 'Thanks for a colleague',
    name: 'Tom Walsh',
    handle: 'tomwalsh',
    messages: [[4, 'Just wanted to say thanks: Aisha at the Leeds store sorted my exchange in five minutes. Brilliant service!']],
    again: [
      'Will definitely be back 😊',
      'Could you pass my thanks on to Aisha too?',
    ],
  },
  es: {
    label: 'En español: llegó roto',
    name: 'Lucía Fernández',
    handle: 'luciafdez',
    messages: [
      [6, 'Hola, mi pedido ha llegado con la pantalla rota 😞'],
      [5, '¿Me podéis enviar otro? Lo necesito antes del viernes.'],
    ],
    again: [
      'Os he mandado una foto del paquete.',
      '¿Llegará antes del viernes?',
      'Vale, gracias por la ayuda.',
    ],
  },
};

const el = (tag, attrs = {}, text = '') => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
};

const site = document.getElementById('practice-site');
const chosen = new URLSearchParams(location.search).get('c');
const key = Object.hasOwn(CONVERSATIONS, chosen ?? '') ? chosen : 'billing';
const c = CONVERSATIONS[key];
let count = 0;

const nav = el('nav', { class: 'practice-pick', 'aria-label': 'Practice conversations' });
for (const [k, v] of Object.entries(CONVERSATIONS)) {
  const a = el('a', { href: `?c=${k}` }, v.label);
  if (k === key) a.setAttribute('aria-current', 'page');
  nav.append(a);
}

const panel = el('div', { 'data-testid': 'dm-conversation-panel', class: 'practice-chat' });
const header = el('div', { 'data-testid': 'dm-conversation-header', class: 'practice-head' });
const who = el('a', { href: `/${c.handle}`, tabindex: '-1' });
who.append(el('span', { 'data-testid': 'dm-conversation-username' }, c.name), el('span', { class: 'practice-handle' }, ` @${c.handle}`));
who.addEventListener('click', (e) => e.preventDefault());
header.append(who);
const list = el('ul');
const scroller = el('div', { 'data-testid': 'dm-message-list', class: 'practice-messages' });
scroller.append(list);

// One message: ours aligned to the end, as X Chat draws them; its time exact.
function add(text, ours, at) {
  count += 1;
  const id = `practice-${key}-${count}`;
  const row = el('div', { 'data-testid': `message-${id}`, class: `practice-row ${ours ? 'justify-end' : 'justify-start'}` });
  const bubble = el('div', { 'data-testid': `message-text-${id}`, class: 'practice-bubble' });
  bubble.append(el('span', { dir: 'auto' }, text));
  const when = new Date(at);
  const time = el('time', { datetime: when.toISOString() }, when.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }));
  row.append(bubble, time);
  const li = el('li');
  li.append(row);
  list.append(li);
  scroller.scrollTop = scroller.scrollHeight;
}
for (const [ago, text] of c.messages) add(text, false, Date.now() - ago * 60_000);

const form = el('form', { 'data-testid': 'dm-composer-form', class: 'practice-composer' });
const box = el('textarea', { 'data-testid': 'dm-composer-textarea', placeholder: 'Message', 'aria-label': `Reply to ${c.name}`, rows: '3' });
const send = el('button', { type: 'button', 'data-testid': 'dm-composer-send-button', 'aria-disabled': 'true' }, 'Send');
const sync = () => send.setAttribute('aria-disabled', String(box.value.trim() === ''));
box.addEventListener('input', sync);
// A draft is the trainer's example: moving to another conversation or starting over asks
// first while one is typed.
window.addEventListener('beforeunload', (e) => {
  if (box.value.trim() !== '') e.preventDefault();
});
function sendDraft() {
  if (box.value.trim() === '') return;
  add(box.value.trim(), true, Date.now());
  box.value = '';
  sync();
  status.textContent = 'Sent to this practice conversation only.';
}
// Reached only when Waypoint lets the send through (the checklist's "Post anyway" sends
// again through these same listeners).
send.addEventListener('click', sendDraft);
box.addEventListener('keydown', (e) => {
  // As X Chat is modelled (sites.md): Enter without Shift or Alt sends.
  if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing) {
    e.preventDefault();
    sendDraft();
  }
});
form.addEventListener('submit', (e) => e.preventDefault());
form.append(box, send);

const actions = el('div', { class: 'practice-actions' });
const again = el('button', { type: 'button', 'data-practice': 'again' }, `${c.name.split(' ')[0]} writes again`);
// The customer's next lines in turn (the last again once they run out): a conversation a
// trainer can take on, not one line repeated.
let turn = 0;
again.addEventListener('click', () => {
  add(c.again[Math.min(turn, c.again.length - 1)], false, Date.now());
  turn++;
  // What was said of the last send is no longer the latest news.
  status.textContent = '';
});
const restart = el('a', { href: `?c=${key}`, class: 'practice-restart' }, 'Start this conversation over');
const status = el('p', { class: 'practice-status', role: 'status' });
actions.append(again, restart);

panel.append(header, scroller, form);
site.append(nav, panel, actions, status);
site.hidden = false;
