/** DataLink document and SODA cutout → code: Python (pyvo.dal.adhoc, requests) and curl. */
import { pyString, shellString } from './quote'
import { pyAuthorisedSession } from './python'
import { curlAuth, tokenGuard } from './shell'
import { type DataLinkCodeRequest, type LinkFlavour, type SodaCodeRequest } from './types'


/** Code that reads this DataLink document outside the app. */
export function dataLinkCode(flavour: LinkFlavour, r: DataLinkCodeRequest): string {
  if (flavour === 'curl') return [...tokenGuard(r.authorised), `curl -sS${curlAuth(r.authorised)} ${shellString(r.url)}`].join('\n') + '\n'
  const lines = r.authorised ? ['import os', 'import requests', 'from pyvo.dal.adhoc import DatalinkResults', '', ...pyAuthorisedSession()] : ['from pyvo.dal.adhoc import DatalinkResults', '']
  lines.push(
    `links = DatalinkResults.from_result_url(${pyString(r.url)}${r.authorised ? ', session=session' : ''})`,
    'for link in links:',
    '    print(link.semantics, link.access_url or link.service_def, link.description, sep="\\t")',
  )
  return lines.join('\n') + '\n'
}

/** Code that downloads this SODA cutout outside the app, with the parameters as the form built them. */
export function sodaCode(flavour: LinkFlavour, r: SodaCodeRequest, filename = 'cutout.fits'): string {
  if (flavour === 'curl') {
    return [
      ...tokenGuard(r.authorised),
      `curl -sS -G${curlAuth(r.authorised)} -o ${shellString(filename)} \\`,
      ...r.params.map(([k, v]) => `  --data-urlencode ${shellString(`${k}=${v}`)} \\`),
      `  ${shellString(r.accessUrl)}`,
    ].join('\n') + '\n'
  }
  const lines = r.authorised ? ['import os', 'import requests', '', ...pyAuthorisedSession()] : ['import requests', '', 'session = requests.Session()', '']
  lines.push(
    'params = [',
    ...r.params.map(([k, v]) => `    (${pyString(k)}, ${pyString(v)}),`),
    ']',
    `with session.get(${pyString(r.accessUrl)}, params=params, stream=True) as response:`,
    '    response.raise_for_status()',
    `    with open(${pyString(filename)}, "wb") as out:`,
    '        for chunk in response.iter_content(chunk_size=1 << 20):',
    '            out.write(chunk)',
  )
  return lines.join('\n') + '\n'
}
