export * from './token'
export * from './policy'
export * from './challenge'
