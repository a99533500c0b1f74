// Steadfast's progressive enhancement. Every page works without this file;
// it only starts the design system's components.
import { initAll } from '/static/dist/govuk-frontend.min.js'

initAll()
