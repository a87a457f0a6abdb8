// The real Draft.js editor (the one X's post composer uses), rendered with React into every
// [data-fixture-draft] element, with X's test id and label on its content element.
// Bundled by tests/e2e/editors/build.mjs; served from the fixture site's own origin.
import React from 'react';
import ReactDOM from 'react-dom';
import { ContentState, Editor, EditorState } from 'draft-js';

function Composer({ mount }) {
  const [state, setState] = React.useState(() => EditorState.createEmpty());
  // The site empties its composer once a post is sent (fixture-app.js asks so).
  React.useEffect(() => {
    const clear = () => {
      // Emptied as an edit of the same editor, its caret kept in it while it has the focus
      // (a fresh empty state would leave Draft.js's selection behind the DOM's, and the next
      // letters typed would land out of order).
      setState((s) => {
        const empty = ContentState.createFromText('');
        const next = EditorState.push(s, empty, 'remove-range');
        const focused = s.getSelection().getHasFocus();
        const at = empty.getSelectionAfter().merge({ hasFocus: focused });
        return focused ? EditorState.forceSelection(next, at) : EditorState.acceptSelection(next, at);
      });
      mount.dataset.fixtureModel = '';
      mount.dispatchEvent(new Event('fixture-model', { bubbles: true }));
    };
    mount.addEventListener('fixture-clear', clear);
    return () => mount.removeEventListener('fixture-clear', clear);
  }, []);
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
