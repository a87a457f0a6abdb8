// A React-controlled textarea, the kind Instagram's comment box and X Chat's composer are
// (research/sites.md): its value is React state, changed only through React's onChange, which
// React fires for an `input` event only when the element's value differs from the copy React
// keeps of it. Text that reaches the DOM without such an event is not in the state, and
// React puts its state back at the next render.
// Each static <textarea> inside a [data-fixture-react-field] element is rendered again by React
// with the same attributes; `data-fixture-model` then holds React's state (what the site would
// post), and a `fixture-model` event follows each change of it (see fixture-app.js).
// Bundled by tests/e2e/editors/build.mjs; served from the fixture site's own origin.
import React from 'react';
import ReactDOM from 'react-dom';

// HTML attribute → React prop, for the attributes the fixtures put on their textareas.
const PROPS = { class: 'className', autocomplete: 'autoComplete', tabindex: 'tabIndex', spellcheck: 'spellCheck' };

function Field({ attrs }) {
  const [value, setValue] = React.useState('');
  const ref = React.useRef(null);
  // The site empties its composer once a message is sent (fixture-app.js asks so).
  React.useEffect(() => {
    const el = ref.current;
    const clear = () => setValue('');
    el.addEventListener('fixture-clear', clear);
    return () => el.removeEventListener('fixture-clear', clear);
  }, []);
  React.useLayoutEffect(() => {
    const el = ref.current;
    el.dataset.fixtureModel = value;
    el.dispatchEvent(new Event('fixture-model', { bubbles: true }));
  }, [value]);
  return React.createElement('textarea', { ...attrs, ref, value, onChange: (e) => setValue(e.target.value) });
}

for (const mount of document.querySelectorAll('[data-fixture-react-field]')) {
  const written = mount.querySelector('textarea');
  const attrs = {};
  for (const a of written.attributes) attrs[PROPS[a.name] ?? a.name] = a.value;
  mount.dataset.fixtureReactField = 'rendered';
  ReactDOM.render(React.createElement(Field, { attrs }), mount);
}
