/** Query → code: what the app asks a service, as pyvo, astroquery.eso, curl or Python that runs outside the browser. */
export { tapCode, esoTapService } from './tap'
export { dataLinkCode, sodaCode } from './links'
export { pyString, shellString } from './quote'
export { TOKEN_VARIABLE, type TapFlavour, type LinkFlavour, type TapCodeRequest, type DataLinkCodeRequest, type SodaCodeRequest } from './types'
export { codeChoices, credentialUrlOf, sourceCode, type CodeSource, type CodeFlavour, type CodeChoice } from './sources'
