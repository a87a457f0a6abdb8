// The real Draft.js editor (the one X's post composer uses), rendered with React into every
// [data-fixture-draft] element, with X's test id and label on its content element.
// Bundled by tests/e2e/editors/build.mjs; served from the fixture site's own origin.
import React from 'react';
import ReactDOM from 'react-dom';
import { Editor, EditorState } from 'draft-js';

function Composer({ mount }) {
  const [state, setState] = React.useState(() => EditorState.createEmpty());
  return React.createElement(Editor, {
    editorState: state,
    onChange: (next) => {
      setState(next);
      // What the editor's own state holds (not the DOM): the site posts this.
      mount.dataset.fixtureModel = next.getCurrentContent().getPlainText();
      mount.dispatchEvent(new Event('fixture-model', { bubbles: true }));
    },
    placeholder: 'Post your reply',
    ariaLabel: 'Post text',
    webDriverTestID: mount.dataset.fixtureDraft || 'tweetTextarea_0',
    spellCheck: true,
  });
}

for (const mount of document.querySelectorAll('[data-fixture-draft]')) {
  mount.dataset.fixtureModel = '';
  ReactDOM.render(React.createElement(Composer, { mount }), mount);
}
