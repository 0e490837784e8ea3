// Suggestions as you type, for form fields that carry data-suggest (the initiative form's element
// finder and place field). Served only on form pages; without it, the form's own search-and-choose
// step does the same. Each field becomes a WAI-ARIA combobox with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): arrows move through the suggestions,
// Enter or a click chooses one, Escape closes the list; focus stays in the field.
//
//   data-suggest="/en/initiatives/suggest/places"   where to ask, with ?q=
//   data-suggest-list                               the field holds a list: a choice replaces its last item
//   data-suggest-pick="element_pick"                a choice is posted as this field, with the form's
//                                                   data-suggest-action button value (_picker=add)
//   data-suggest-status="…{count}…"                 what a screen reader hears when suggestions come
(() => {
  'use strict';
  /** Separators of a typed list of places, as src/areas/typed.ts reads them. */
  const SEPARATOR = /[,;\u060C\uFF0C\u3001\uFF1B]/;
  const WAIT_MS = 200;
  let counter = 0;

  /** @typedef {{ value: string, label: string, text?: string, lang?: string }} Suggestion */

  /**
   * @param {unknown} item
   * @returns {item is Suggestion}
   */
  const isSuggestion = (item) =>
    typeof item === 'object' &&
    item !== null &&
    'value' in item &&
    typeof item.value === 'string' &&
    'label' in item &&
    typeof item.label === 'string';

  /** @param {HTMLInputElement} input */
  function enhance(input) {
    const id = `suggest-${++counter}`;
    const list = document.createElement('ul');
    list.id = `${id}-list`;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    const label = input.labels && input.labels[0];
    if (label) {
      label.id ||= `${id}-label`;
      list.setAttribute('aria-labelledby', label.id);
    }
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.insertAdjacentElement('afterend', list);
    list.insertAdjacentElement('afterend', status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');

    /** @type {Suggestion[]} */
    let items = [];
    let active = -1;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    let asked = 0;

    /** What is looked up: the whole field, or for a list its last item. */
    const typed = () => ((input.hasAttribute('data-suggest-list') ? input.value.split(SEPARATOR).pop() : input.value) ?? '').trim();

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      items = [];
      active = -1;
    }

    /** @param {Suggestion[]} found */
    function show(found) {
      items = found;
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.replaceChildren(
        ...found.map((item, n) => {
          const option = document.createElement('li');
          option.id = `${id}-option-${n}`;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
          option.append(item.label);
          if (item.text) {
            const text = document.createElement('span');
            text.textContent = item.text;
            text.dir = 'auto';
            if (item.lang) text.lang = item.lang;
            option.append(document.createTextNode(': '), text);
          }
          // mousedown, not click: the field keeps its focus, and the list is not closed by the blur first.
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            choose(n);
          });
          return option;
        }),
      );
      list.hidden = found.length === 0;
      input.setAttribute('aria-expanded', String(found.length > 0));
      const message = input.getAttribute('data-suggest-status');
      if (message) status.textContent = message.replace('{count}', String(found.length));
    }

    /** @param {number} to */
    function move(to) {
      if (items.length === 0) return;
      active = (to + items.length) % items.length;
      [...list.children].forEach((option, n) => option.setAttribute('aria-selected', String(n === active)));
      const option = list.children[active];
      if (!option) return;
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }

    /** @param {number} n */
    function choose(n) {
      const item = items[n];
      if (!item) return;
      close();
      const pick = input.getAttribute('data-suggest-pick');
      if (pick && input.form) {
        // The choice goes to the server as the ticked box and button of the search-and-choose step would.
        const form = input.form;
        /** @param {string} name @param {string} value */
        const add = (name, value) => {
          const hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = name;
          hidden.value = value;
          form.append(hidden);
        };
        add(pick, item.value);
        const [name, value] = (input.getAttribute('data-suggest-action') || '').split('=');
        if (name) add(name, value || '');
        input.value = '';
        form.submit();
        return;
      }
      if (input.hasAttribute('data-suggest-list')) {
        const parts = input.value.split(SEPARATOR);
        parts[parts.length - 1] = (parts.length > 1 ? ' ' : '') + item.value;
        input.value = parts.join(input.value.match(SEPARATOR)?.[0] ?? ',');
      } else {
        input.value = item.value;
      }
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }

    async function ask() {
      const q = typed();
      if ([...q].length < 2 && !/[\u3400-\u9FFF]/.test(q)) return close();
      const ticket = ++asked;
      try {
        const url = new URL(input.getAttribute('data-suggest') ?? '', location.href);
        url.searchParams.set('q', q);
        const response = await fetch(url, { headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        /** @type {unknown} */
        const body = await response.json();
        /** @type {unknown[]} */
        const found = body && typeof body === 'object' && 'items' in body && Array.isArray(body.items) ? body.items : [];
        // An answer to an older question than the last one asked is not shown.
        if (ticket === asked && document.activeElement === input) show(found.filter(isSuggestion));
      } catch {
        // No suggestions: the field and the form's own search still work.
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void ask(), WAIT_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (list.hidden) void ask();
        else move(active + 1);
      } else if (event.key === 'ArrowUp' && !list.hidden) {
        event.preventDefault();
        move(active - 1);
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        // Enter chooses the suggestion instead of sending the form.
        event.preventDefault();
        choose(active);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
  }

  document.querySelectorAll('input[data-suggest]').forEach((input) => {
    if (input instanceof HTMLInputElement) enhance(input);
  });
})();
