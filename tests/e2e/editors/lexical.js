// The real Lexical editor (the one Facebook, Messenger and Instagram DMs use), mounted on
// every [data-fixture-lexical] element of a fixture page, with rich text and history (undo).
// Bundled by tests/e2e/editors/build.mjs; served from the fixture site's own origin.
import { $getRoot, createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';

for (const root of document.querySelectorAll('[data-fixture-lexical]')) {
  root.replaceChildren();
  const editor = createEditor({
    namespace: 'fixture',
    onError: (error) => {
      root.dataset.fixtureError = String(error);
      throw error;
    },
  });
  editor.setRootElement(root);
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  // What the editor's own state holds (not the DOM): the site posts this.
  editor.registerUpdateListener(({ editorState }) => {
    root.dataset.fixtureModel = editorState.read(() => $getRoot().getTextContent());
    root.dispatchEvent(new Event('fixture-model', { bubbles: true }));
  });
  root.dataset.fixtureModel = '';
  // The site empties its composer once a message is sent (fixture-app.js asks so).
  root.addEventListener('fixture-clear', () => editor.update(() => $getRoot().clear()));
}
