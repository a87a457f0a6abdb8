// Where each fixture page is served: real site URLs, answered by request routing.
const app = (origin) => ({ [`${origin}/fixture-app.js`]: { file: 'fixture-app.js' } });

export const URLS = {
  xStatus: 'https://x.com/mariagarcia/status/1861000000000000002',
  twitterStatus: 'https://twitter.com/mariagarcia/status/1861000000000000002',
  xHome: 'https://x.com/home',
  xChat: 'https://x.com/i/chat/1588-2201',
  fbPost: 'https://www.facebook.com/AcmeCoffee/posts/pfbid02Xyz',
  fbMessages: 'https://www.facebook.com/messages/t/100012345',
  igDirect: 'https://www.instagram.com/direct/t/340282366841710300949128/',
  igPost: 'https://www.instagram.com/p/Cz3KpQ1/',
  example: 'https://example.com/',
  hostile: 'https://www.facebook.com/hostile/posts/1',
};

export const PAGES = {
  ...app('https://x.com'),
  ...app('https://twitter.com'),
  ...app('https://www.facebook.com'),
  ...app('https://www.instagram.com'),
  [URLS.xStatus]: { file: 'x-status.html' },
  [URLS.twitterStatus]: { file: 'x-status.html' },
  [URLS.xHome]: { file: 'x-home.html' },
  [URLS.xChat]: { file: 'x-chat.html' },
  [URLS.fbPost]: { file: 'fb-post.html' },
  [URLS.fbMessages]: { file: 'fb-messages.html' },
  [URLS.igDirect]: { file: 'ig-direct.html' },
  [URLS.igPost]: { file: 'ig-post.html' },
  [URLS.example]: { file: 'example.html' },
  [URLS.hostile]: { file: 'hostile-panel.html' },
  'https://www.facebook.com/hostile-define.js': { file: 'hostile-define.js' },
};
