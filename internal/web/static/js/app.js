// Steadfast's progressive enhancement. Every page works without this file;
// it only starts the design system's components.
import { initAll } from '/static/dist/govuk-frontend.min.js'

initAll()

// Drafts: a note form with data-autosave sends what has been typed to the
// server a couple of seconds after each change, so nothing is lost to a
// time-out, a closed tab or a dropped connection. Without JavaScript, every
// submit saves the draft too.
for (const form of document.querySelectorAll('form[data-autosave]')) {
  const status = form.querySelector('#autosave-status')
  let timer = null
  const save = async () => {
    const body = new URLSearchParams(new FormData(form))
    body.set('note', form.dataset.note || '')
    if (form.dataset.draftForm) body.set('form', form.dataset.draftForm)
    body.delete('action')
    try {
      const res = await fetch(form.dataset.autosave, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' })
      const time = new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
      if (res.status === 204) {
        status.textContent = `Draft saved at ${time}.`
      } else {
        status.textContent = 'You have been signed out, so your latest words are not saved yet. Copy them, sign in again in a new tab, and come back: your earlier draft is kept.'
      }
    } catch (e) {
      status.textContent = 'Your draft could not be saved just now. Check your connection; we will try again as you type.'
    }
  }
  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(save, 2000)
  })
}

// Live wording hints: a field with data-language-check (a textarea or a text
// input) asks the server for the respectful-language checker's hints as
// someone types, and shows them beside the field. Without JavaScript,
// "Check my wording" does the same.
for (const field of document.querySelectorAll('[data-language-check]')) {
  const name = field.dataset.languageCheck
  const box = document.querySelector(`[data-hints-for="${name}"]`)
  if (!box) continue
  box.setAttribute('aria-live', 'polite')
  let timer = null
  field.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      const body = new URLSearchParams({ field: name, text: field.value })
      try {
        const res = await fetch('/language/check', { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' })
        if (!res.ok) return
        box.innerHTML = await res.text()
        const ids = (field.getAttribute('aria-describedby') || '').split(' ').filter(id => id && id !== `${name}-language-hints`)
        if (box.querySelector(`#${name}-language-hints`)) ids.push(`${name}-language-hints`)
        field.setAttribute('aria-describedby', ids.join(' '))
      } catch (e) {
        // Hints are a help, never a blocker: say nothing if they cannot be fetched.
      }
    }, 700)
  })
}

// Questions that follow from a radio answer: a radio with data-reveals
// shows the element it names while it is chosen, as GOV.UK Frontend's
// conditional reveal does, but without aria-expanded, which ARIA does not
// allow on radios (alphagov/govuk-frontend#979). Without JavaScript the
// questions are always shown, and the server checks them either way.
for (const input of document.querySelectorAll('input[type="radio"][data-reveals]')) {
  const target = document.getElementById(input.dataset.reveals)
  if (!target) continue
  input.setAttribute('aria-controls', target.id)
  const sync = () => target.classList.toggle('govuk-radios__conditional--hidden', !input.checked)
  for (const other of document.querySelectorAll('input[type="radio"]')) {
    if (other.name === input.name) other.addEventListener('change', sync)
  }
  sync()
}
