/** Where the OpenID provider sends the browser back: register both as redirect URIs. */
export const CALLBACK_PATH = '/auth/callback'
export const SILENT_PATH = '/auth/silent'
