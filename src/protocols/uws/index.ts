export * from './job'
export * from './client'
