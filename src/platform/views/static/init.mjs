// Progressive enhancement only: every page works without this file.
import { Radios, createAll, initAll as initGovuk } from '/vendor/govuk-frontend.min.js'
import { initAll as initMoj } from '/vendor/moj-frontend.min.js'

/**
 * GOV.UK Frontend's radios, less the aria-expanded its script puts on a radio that reveals a
 * question: ARIA does not allow that attribute on a radio, so axe fails every such form
 * (alphagov/govuk-frontend#979; ADR 6). The reveal, aria-controls and the rest are GOV.UK's own.
 */
class AppRadios extends Radios {
  static moduleName = 'app-radios'

  syncConditionalRevealWithInputState(input) {
    super.syncConditionalRevealWithInputState(input)
    input.removeAttribute('aria-expanded')
  }
}

// The govukRadios macro always writes data-module="govuk-radios"; hand those to AppRadios instead.
for (const radios of document.querySelectorAll('[data-module="govuk-radios"]')) {
  radios.setAttribute('data-module', AppRadios.moduleName)
}
initGovuk()
createAll(AppRadios)
initMoj()

// A page still waiting for a run in the background (an import reading) asks for itself again until it is done.
const refresh = document.querySelector('[data-app-refresh]')
if (refresh) setTimeout(() => window.location.reload(), Number(refresh.getAttribute('data-app-refresh')) * 1000)
