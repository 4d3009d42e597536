/**
 * The script the dev server adds to every HTML page it serves (never to the built files). It
 * listens to the server's events: when a build has changed the site it reloads the page; while
 * the last build had errors it shows them in an overlay, over the page of the last good build.
 *
 * The server tags the script with the build its page came from (`data-build`), so a page that
 * was served before a build finished reloads as soon as it connects.
 */

/** The browser code, plain ES2020 (served as is, never bundled). */
export const CLIENT_SCRIPT = String.raw`(() => {
  'use strict';
  const script = document.currentScript;
  const loaded = script.dataset.build;
  const events = new EventSource(script.dataset.events);
  let host = null;

  const hide = () => {
    if (host) host.remove();
    host = null;
  };

  const show = (errors) => {
    hide();
    host = document.createElement('div');
    host.id = 'baokan-dev-overlay';
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent =
      ':host{all:initial}' +
      '.backdrop{position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);display:flex;align-items:flex-start;justify-content:center;padding:5vh 1rem;overflow:auto}' +
      '.panel{background:#1e1e1e;color:#eee;font:14px/1.5 ui-monospace,monospace;max-width:60rem;width:100%;border-top:6px solid #e5484d;padding:1rem 1.25rem;box-shadow:0 1rem 3rem rgba(0,0,0,.5)}' +
      'h2{font:600 16px/1.4 system-ui,sans-serif;margin:0 0 .25rem;color:#ff9592}' +
      'p{font:14px/1.5 system-ui,sans-serif;margin:0 0 .75rem;color:#bbb}' +
      'pre{white-space:pre-wrap;word-break:break-word;margin:0;color:#fff}' +
      'button{float:right;font:inherit;background:none;color:#bbb;border:1px solid #555;border-radius:4px;cursor:pointer}';
    const backdrop = document.createElement('div');
    backdrop.className = 'backdrop';
    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'alertdialog');
    panel.setAttribute('aria-label', 'baokan build errors');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'close');
    close.addEventListener('click', hide);
    const title = document.createElement('h2');
    title.textContent = 'baokan: the last build has errors';
    const note = document.createElement('p');
    note.textContent = 'This page shows the last build without errors. Fix the problems below and save: the page reloads.';
    const list = document.createElement('pre');
    list.textContent = errors.join('\n');
    panel.append(close, title, note, list);
    backdrop.append(panel);
    root.append(style, backdrop);
    document.documentElement.append(host);
  };

  events.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    if (state.build !== loaded) {
      events.close();
      location.reload();
      return;
    }
    if (state.errors.length > 0) show(state.errors);
    else hide();
  });
})();
`;
