// Where each fixture page is served: real site URLs, answered by request routing. Variants
// are the base pages transformed the way a redesign or another UI language changes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './lib.mjs';

const read = (file) => readFileSync(join(FIXTURES, file), 'utf8');
const app = (origin) => ({
  [`${origin}/fixture-app.js`]: { file: 'fixture-app.js' },
  [`${origin}/virtual-list.js`]: { file: 'virtual-list.js' },
});
// A variant that changed nothing would test the base page: a string not found is an error.
const replaceAll = (text, pairs) =>
  pairs.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`fixture variant: ${JSON.stringify(from)} not found`);
    return t.split(from).join(to);
  }, text);
// The same where some strings are in one page and not another (times in either clock).
const replaceAny = (text, pairs) => pairs.reduce((t, [from, to]) => t.split(from).join(to), text);
// fb-post.html with a reply box open under Jane's comment, labelled `label`, after the replies
// `before` (HTML) already under it.
const withReplyBox = (html, label, before = '') => {
  const anchor = '<a href="/AcmeCoffee/posts/pfbid02Xyz?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D">3h</a>\n  </div>';
  if (!html.includes(anchor)) throw new Error("fb-post.html changed: no end of Jane's comment");
  return html.replace(anchor, `${anchor}
  <div data-fixture-replies>${before}<form role="presentation">
    <div contenteditable="true" role="textbox" aria-label="${label}" data-fixture-lexical data-fixture-composer="fb-reply-jane" data-fixture-enter-sends></div>
  </form></div>`);
};

export const URLS = {
  xStatus: 'https://x.com/mariagarcia/status/1861000000000000002',
  twitterStatus: 'https://twitter.com/mariagarcia/status/1861000000000000002',
  xHome: 'https://x.com/home',
  xChat: 'https://x.com/i/chat/1588-2201',
  xChatLocked: 'https://x.com/i/chat/pin/recovery',
  fbPost: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02Xyz',
  fbMessages: 'https://www.facebook.com/messages/t/100012345',
  igDirect: 'https://www.instagram.com/direct/t/340282366841710300949128/',
  igPost: 'https://www.instagram.com/p/Cz3KpQ1/',
  example: 'https://example.com/',
  hostile: 'https://www.facebook.com/hostile/posts/1',
  // Variants.
  xRedesign: 'https://x.com/mariagarcia/status/1861000000000000012',
  xNoTweetTestid: 'https://x.com/mariagarcia/status/1861000000000000022',
  xNoFocusMark: 'https://x.com/i/web/status/1861000000000000002',
  xChatBroken: 'https://x.com/i/chat/1588-9999',
  xChatRenamed: 'https://x.com/i/chat/1588-3333',
  xChatStubborn: 'https://x.com/i/chat/1588-7777',
  xChatShortens: 'https://x.com/i/chat/1588-4444',
  xChatNoMessages: 'https://x.com/i/chat/1588-6666',
  xChatLateHeader: 'https://x.com/i/chat/1588-5555',
  xHostile: 'https://x.com/mariagarcia/status/1861000000000000032',
  xLong: 'https://x.com/mariagarcia/status/1870000000000000000',
  xLongWhole: 'https://x.com/mariagarcia/status/1870000000000000001',
  xLongReply: 'https://x.com/mariagarcia/status/1870000000000000002',
  fbPostEs: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02Es',
  fbPostNoLabels: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02NoLabels',
  fbPostFr: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02Fr',
  fbPostReply: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02Reply',
  fbPostReplyEs: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02ReplyEs',
  fbPostReplyAs: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02ReplyAs',
  fbPostDigits: 'https://www.facebook.com/Forever21/posts/pfbid02Digits',
  fbMessagesDe: 'https://www.facebook.com/messages/t/200012345',
  fbMessagesNoLabel: 'https://www.facebook.com/messages/t/300012345',
  fbMessagesRtl: 'https://www.facebook.com/messages/t/400012345',
  igDirectEs: 'https://www.instagram.com/direct/t/440282366841710300949128/',
  igDirect2026: 'https://www.instagram.com/direct/t/640282366841710300949128/',
  fbFeed: 'https://www.facebook.com/',
  igReel: 'https://www.instagram.com/reel/Dz9Lk2/',
  // SLA fixtures: the customer's message is N minutes old when the page is served.
  slaX25: 'https://x.com/mariagarcia/status/1861000000000000102',
  slaX50: 'https://x.com/mariagarcia/status/1861000000000000202',
  slaX50Alone: 'https://x.com/mariagarcia/status/1861000000000000212',
  slaX90: 'https://x.com/mariagarcia/status/1861000000000000302',
  slaIg10: 'https://www.instagram.com/direct/t/540282366841710300949128/',
  // The customer wrote 30 hours ago: Meta's 24-hour messaging window is closed.
  slaIgClosed: 'https://www.instagram.com/direct/t/740282366841710300949128/',
};

const ago = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString();
/** The X thread with Maria's post `maria` minutes old and Tom's `tom` minutes old. */
const xThreadAged = (maria, tom) => () =>
  replaceAll(read('x-status.html'), [
    ['datetime="2026-11-22T08:41:00.000Z"', `datetime="${ago(maria)}"`],
    ['datetime="2026-11-22T09:05:40.000Z"', `datetime="${ago(tom)}"`],
    ['datetime="2026-11-20T16:02:11.000Z"', `datetime="${ago(maria + 600)}"`],
  ]);
/** The Instagram DM with the customer's messages 12 and 10 minutes old (and ours before). */
const igAged = (minutes = 10) => () =>
  replaceAll(read('ig-direct.html'), [
    ['<h6 dir="auto">kai.ng</h6><div dir="auto">Hey!', `<time datetime="${ago(minutes + 2)}"></time><h6 dir="auto">kai.ng</h6><div dir="auto">Hey!`],
    ['<h6 dir="auto">You sent</h6>', `<time datetime="${ago(minutes + 1)}"></time><h6 dir="auto">You sent</h6>`],
    ['<h6 dir="auto">kai.ng</h6><div dir="auto">I\'d like', `<time datetime="${ago(minutes)}"></time><h6 dir="auto">kai.ng</h6><div dir="auto">I\'d like`],
  ]);

/** A clock time `minutes` ago as Messenger labels it, in English ("9:31 AM") or German ("09:31"). */
const clockAgo = (minutes, de = false) => {
  const d = new Date(Date.now() - minutes * 60_000);
  const h = d.getHours();
  const m = String(d.getMinutes()).padStart(2, '0');
  return de ? `${String(h).padStart(2, '0')}:${m}` : `${((h + 11) % 12) + 1}:${m} ${h < 12 ? 'AM' : 'PM'}`;
};
/**
 * fb-messages.html (with `pairs` replaced first) served with Jane's messages 20 and 10 minutes
 * old and our reply 15. Its fixed clock times ("9:31 AM") put them up to a day back, depending
 * on the hour the tests ran: one hour of the day, Meta's 24-hour reply window was about to
 * close, and a good reply was held for it.
 */
const fbMessagesAged = (pairs = []) => () =>
  replaceAny(replaceAll(read('fb-messages.html'), pairs), [
    ['9:12 AM', clockAgo(20)],
    ['9:20 AM', clockAgo(15)],
    ['9:31 AM', clockAgo(10)],
    ['09:12', clockAgo(20, true)],
    ['09:20', clockAgo(15, true)],
    ['09:31', clockAgo(10, true)],
  ]);

/** x-chat.html served with Sam's messages 20 and 10 minutes old and our reply 15 (its fixed
 * clock times put them up to a day back, depending on the hour the tests ran). */
const xChatAged = () =>
  replaceAll(read('x-chat.html'), [
    ['10:02 AM', clockAgo(20)],
    ['10:05 AM', clockAgo(15)],
    ['10:09 AM', clockAgo(10)],
  ]);

export const PAGES = {
  ...app('https://x.com'),
  ...app('https://twitter.com'),
  ...app('https://www.facebook.com'),
  ...app('https://www.instagram.com'),
  // Served with Maria's post two hours old and Tom's one, as their "2h" and "1h" say (a fixed
  // date would have the panel say "waiting 11 days" beside "2h" as the fixture ages).
  [URLS.xStatus]: { body: xThreadAged(120, 60) },
  [URLS.twitterStatus]: { body: xThreadAged(120, 60) },
  [URLS.xHome]: { file: 'x-home.html' },
  [URLS.xChat]: { body: xChatAged },
  [URLS.xChatLocked]: { file: 'x-chat-locked.html' },
  [URLS.fbPost]: { file: 'fb-post.html' },
  [URLS.fbMessages]: { body: fbMessagesAged() },
  [URLS.igDirect]: { file: 'ig-direct.html' },
  [URLS.igDirect2026]: { file: 'ig-direct-2026.html' },
  [URLS.igPost]: { file: 'ig-post.html' },
  [URLS.example]: { file: 'example.html' },
  [URLS.hostile]: { file: 'hostile-panel.html' },
  'https://www.facebook.com/hostile-define.js': { file: 'hostile-define.js' },
  [URLS.xLong]: { file: 'x-long.html' },
  // The long thread drawn whole (every cell in the page, as a long Messenger or X Chat thread
  // is): 1,200 posts, longer than Waypoint reads in one task.
  [URLS.xLongWhole]: { body: read('x-long.html').replace('data-total="300"', 'data-total="1200" data-window="1200"') },
  // The same with X's reply box (Draft.js) under the timeline: a send while it is read.
  [URLS.xLongReply]: {
    body: replaceAll(read('x-long.html'), [
      ['data-total="300"', 'data-total="1200" data-window="1200"'],
      ['</section>', `</section>
  <div data-testid="cellInnerDiv" class="composer">
    <div data-testid="tweetTextarea_0_label" data-fixture-draft="tweetTextarea_0" data-fixture-composer="reply-button" data-fixture-mod-enter-sends></div>
    <button id="reply-button" data-testid="tweetButtonInline" role="button" aria-disabled="true" data-fixture-send>Reply</button>
  </div>`],
      ['<script src="/virtual-list.js"></script>', '<script src="/vendor/draft.bundle.js"></script><script src="/virtual-list.js"></script>'],
    ]),
  },

  // A redesign: every generated class renamed, the (localized) timeline label in Spanish.
  [URLS.xRedesign]: {
    body: read('x-status.html')
      .replace(/class="([^"]*)"/g, (_, c) => `class="${c.split(' ').map((k) => `r-${k.length}x9`).join(' ')}"`)
      .replace('aria-label="Timeline: Conversation"', 'aria-label="Cronología: Conversación"'),
  },
  // The tweet test id disappeared: only the role and the cell remain.
  [URLS.xNoTweetTestid]: { body: replaceAll(read('x-status.html'), [['data-testid="tweet" ', '']]) },
  // The focused post lost its mark (tabindex="-1"): the URL (/i/web/status/<id>) still
  // names it.
  [URLS.xNoFocusMark]: {
    body: replaceAll(read('x-status.html'), [['role="article" tabindex="-1"', 'role="article" tabindex="0"']]),
  },
  // X Chat's alignment classes renamed (as generated class names are): the style still puts
  // our bubbles at the end of the row.
  [URLS.xChatRenamed]: {
    body: replaceAll(read('x-chat.html'), [['justify-end', 'jc-e'], ['justify-start', 'jc-s']]),
  },
  // The comments lost their "Comment by" labels: only the post is marked as before.
  [URLS.fbPostNoLabels]: {
    body: replaceAll(read('fb-post.html'), [
      [' aria-label="Comment by Jane Doe 3 hours ago"', ''],
      [' aria-label="Comment by Priya Raman 1 hour ago"', ''],
    ]),
  },
  // The comments labelled in a language Waypoint does not list.
  [URLS.fbPostFr]: {
    body: replaceAll(read('fb-post.html'), [
      ['aria-label="Comment by Jane Doe 3 hours ago"', 'aria-label="Commentaire de Jane Doe il y a 3 heures"'],
      ['aria-label="Comment by Priya Raman 1 hour ago"', 'aria-label="Commentaire de Priya Raman il y a 1 heure"'],
    ]),
  },
  // X Chat's message list lost its test id (and there is no legacy viewport): not understood.
  [URLS.xChatBroken]: { body: replaceAll(read('x-chat.html'), [['data-testid="dm-message-list"', 'data-testid="dm-message-feed"']]) },
  // The list is there, its messages' test ids renamed: nothing in it is a message.
  [URLS.xChatNoMessages]: { body: replaceAll(read('x-chat.html'), [['data-testid="message-', 'data-testid="msg-']]) },
  // The chat header renders after the messages (it is added by the test).
  [URLS.xChatLateHeader]: {
    body: replaceAll(read('x-chat.html'), [[
      '<div data-testid="dm-conversation-header"><a href="/samlee"><span data-testid="dm-conversation-username">Sam Lee</span></a></div>',
      '<div id="late-header"></div>',
    ]]),
  },
  // A composer that refuses every change it did not make (insertion falls back to the clipboard).
  [URLS.xChatStubborn]: {
    body: replaceAll(read('x-chat.html'), [['</body>', '<script src="/stubborn.js"></script></body>']]),
  },
  'https://x.com/stubborn.js': { file: 'stubborn.js' },
  [URLS.xChatShortens]: {
    body: replaceAll(read('x-chat.html'), [['</body>', '<script src="/shorten.js"></script></body>']]),
  },
  'https://x.com/shorten.js': { file: 'shorten.js' },
  // Markup and script inside names and messages, as the site would escape them into text.
  [URLS.xHostile]: {
    body: replaceAll(read('x-status.html'), [
      ['<span>Maria Garcia 🌵</span>', '<span>&lt;img src=x onerror="window.__pwned=1"&gt;Maria</span>'],
      [
        '<span>@AcmeHelp my order #A-20931',
        '<span>&lt;script&gt;window.__pwned=2&lt;/script&gt; @AcmeHelp my order #A-20931',
      ],
    ]),
  },
  // Spanish UI labels (inferred strings; see the profile).
  // The Page's name holds a number, and the Page answered Priya: the label "Comment by
  // Forever 21 35 minutes ago" names Forever 21, not "Forever".
  [URLS.fbPostDigits]: {
    body: replaceAll(read('fb-post.html'), [
      ['aria-label="Comment as Acme Coffee"', 'aria-label="Comment as Forever 21"'],
      ['  <form role="presentation">', `  <div role="article" aria-label="Comment by Forever 21 35 minutes ago">
    <a href="/Forever21"><span>Forever 21</span></a>
    <div dir="auto">Thanks Priya, we love that too!</div>
    <a href="/Forever21/posts/pfbid02Digits?comment_id=Y29tbWVudDoxMjM0XzU2ODE%3D">35m</a>
  </div>
  <form role="presentation">`],
    ]),
  },
  [URLS.fbPostEs]: {
    body: replaceAll(read('fb-post.html'), [
      ['lang="en"', 'lang="es"'],
      ['aria-label="Comment by Jane Doe 3 hours ago"', 'aria-label="Comentario de Jane Doe hace 3 horas"'],
      ['aria-label="Comment by Priya Raman 1 hour ago"', 'aria-label="Comentario de Priya Raman hace 1 hora"'],
      ['aria-label="Comment as Acme Coffee"', 'aria-label="Comentar como Acme Coffee"'],
      ['aria-label="Post comment"', 'aria-label="Publicar comentario"'],
    ]),
  },
  // The agent pressed "Reply" under Jane's comment: Facebook opens a reply box below it,
  // labelled with the person answered (research/sites.md §4.1: reply composer
  // `[contenteditable][role="textbox"][aria-label^="Reply to "]`), above the post's own
  // composer. In Spanish, the label is inferred ("Responder a").
  [URLS.fbPostReply]: { body: withReplyBox(read('fb-post.html'), 'Reply to Jane Doe') },
  // Commenting as the Page, the reply box names the Page ("Reply as Acme Coffee", §4.1: "also
  // 'Reply as <Actor>'"). Jane's comment already has replies, ours and another reader's, and
  // the box sits below them (§4.1: replies are articles labelled "Reply by <Name>", with
  // `reply_comment_id` links): it answers Jane, not the last to reply.
  [URLS.fbPostReplyAs]: {
    body: withReplyBox(
      read('fb-post.html'),
      'Reply as Acme Coffee',
      `<div role="article" aria-label="Reply by Acme Coffee 2 hours ago">
      <a href="/AcmeCoffee"><span>Acme Coffee</span></a>
      <div dir="auto">So sorry, Jane! Could you send us a photo of the bag?</div>
      <a href="/AcmeCoffee/posts/pfbid02Xyz?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;reply_comment_id=Y29tbWVudDoxMjM0XzU2OTA%3D">2h</a>
    </div>
    <div role="article" aria-label="Reply by Sam Lee 1 hour ago">
      <a href="/sam.lee.77"><span>Sam Lee</span></a>
      <div dir="auto">Following, I ordered the same blend.</div>
      <a href="/AcmeCoffee/posts/pfbid02Xyz?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;reply_comment_id=Y29tbWVudDoxMjM0XzU2OTE%3D">1h</a>
    </div>`,
    ),
  },
  [URLS.fbPostReplyEs]: {
    body: withReplyBox(
      replaceAll(read('fb-post.html'), [
        ['lang="en"', 'lang="es"'],
        ['aria-label="Comment by Jane Doe 3 hours ago"', 'aria-label="Comentario de Jane Doe hace 3 horas"'],
        ['aria-label="Comment by Priya Raman 1 hour ago"', 'aria-label="Comentario de Priya Raman hace 1 hora"'],
        ['aria-label="Comment as Acme Coffee"', 'aria-label="Comentar como Acme Coffee"'],
        ['aria-label="Post comment"', 'aria-label="Publicar comentario"'],
      ]),
      'Responder a Jane Doe',
    ),
  },
  // German UI labels (inferred strings; see the profile).
  [URLS.fbMessagesDe]: {
    body: fbMessagesAged([
      ['lang="en"', 'lang="de"'],
      ['Messages in conversation with Jane Doe', 'Nachrichten in der Unterhaltung mit Jane Doe'],
      ['aria-label="At 9:12 AM, Jane Doe:', 'aria-label="Um 09:12, Jane Doe:'],
      ['aria-label="At 9:20 AM, You:', 'aria-label="Um 09:20, Du:'],
      ['aria-label="At 9:31 AM, Jane Doe:', 'aria-label="Um 09:31, Jane Doe:'],
      ['aria-label="Write to Jane Doe"', 'aria-label="Schreib an Jane Doe"'],
    ]),
  },
  // A customer whose name is written right to left.
  [URLS.fbMessagesRtl]: { body: fbMessagesAged([['Jane Doe', 'محمد الأحمد']]) },
  // The message log lost its label: found by structure.
  [URLS.fbMessagesNoLabel]: {
    body: fbMessagesAged([['role="log" aria-label="Messages in conversation with Jane Doe"', 'role="log"']]),
  },
  [URLS.fbFeed]: { file: 'fb-feed-dialog.html' },
  [URLS.igReel]: { file: 'ig-post.html' },
  [URLS.slaX25]: { body: xThreadAged(25, 10) },
  [URLS.slaX50]: { body: xThreadAged(50, 40) },
  // Maria's post alone, 50 minutes old: no other commenter waits (Tom's reply taken out), so
  // pausing her clock pauses the thread's.
  [URLS.slaX50Alone]: {
    body: () => {
      const html = xThreadAged(50, 40)();
      const tom = html.indexOf('UserAvatar-Container-tom_w');
      const start = html.lastIndexOf('<div data-testid="cellInnerDiv">', tom);
      const end = html.indexOf('</div>', html.indexOf('</article>', tom)) + '</div>'.length;
      return html.slice(0, start) + html.slice(end);
    },
  },
  [URLS.slaX90]: { body: xThreadAged(90, 70) },
  [URLS.slaIg10]: { body: igAged(10) },
  [URLS.slaIgClosed]: { body: igAged(30 * 60) },
  [URLS.igDirectEs]: {
    body: replaceAll(read('ig-direct.html'), [
      ['lang="en"', 'lang="es"'],
      ['aria-label="Messages in conversation with kai.ng"', 'aria-label="Mensajes de la conversación con kai.ng"'],
      ['aria-label="Conversation with kai.ng"', 'aria-label="Conversación con kai.ng"'],
      ['<h6 dir="auto">You sent</h6>', '<h6 dir="auto">Enviaste</h6>'],
    ]),
  },
};
