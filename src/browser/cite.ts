/**
 * Article pages (assets/cite.js): a button that copies the GB/T 7714 reference
 * (`[data-cite="gbt7714"]`) to the clipboard and says so in a polite live region. Added only
 * where the Clipboard API is there, so no page shows a button that cannot work.
 */
function main(): void {
  const text = document.querySelector<HTMLElement>('[data-cite="gbt7714"]');
  if (!text || !navigator.clipboard || !window.isSecureContext) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cite-copy';
  button.textContent = '复制引文';
  const status = document.createElement('span');
  status.className = 'cite-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(text.textContent ?? '').then(
      () => (status.textContent = '已复制'),
      () => (status.textContent = '无法复制，请手动选择引文'),
    );
  });
  const actions = document.createElement('p');
  actions.className = 'cite-actions';
  actions.append(button, ' ', status);
  text.closest('p')?.after(actions);
}

main();
