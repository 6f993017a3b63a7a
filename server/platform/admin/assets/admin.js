// Small progressive enhancement for the admin pages; every page works without it.
// - A button with data-confirm asks before its form is sent.
// - A form that is being sent disables its buttons and says so, so a slow upload is visibly in progress.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const button = event.submitter;
  const question = button?.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  if (form.method.toLowerCase() !== 'post' || form.hasAttribute('data-download')) return;
  const sending = document.documentElement.getAttribute('data-sending') || '…';
  for (const element of form.querySelectorAll('button')) {
    element.setAttribute('disabled', '');
    if (element === button) element.textContent = sending;
  }
  // The clicked button's name and value must still be sent.
  if (button?.name) {
    const carried = document.createElement('input');
    carried.type = 'hidden';
    carried.name = button.name;
    carried.value = button.value;
    form.append(carried);
  }
});

// After the server refused a form: the focus goes to the summary of what is wrong (or the first
// wrong field), so that a keyboard or screen reader user starts there, not at the top of the page.
document.addEventListener('DOMContentLoaded', () => {
  const target = document.querySelector('[data-focus-on-load]') || document.querySelector('[aria-invalid="true"]');
  if (target instanceof HTMLElement) target.focus();
});
