import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Changes of this key (e.g. the route) clear a shown error. */
  resetKey: string
  children: ReactNode
}
interface State {
  error: Error | null
  key: string
}

/** Shows what went wrong in a view without unmounting the rest of the app; view state lives in the URL and storage, so nothing is lost. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('View crashed:', error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div role="alert" className="panel error-panel">
        <h2>Something went wrong in this view</h2>
        <p className="error-message">{error.message}</p>
        <p>Your query, jobs and settings are kept. Try again, or switch to another view.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
        <details>
          <summary>Technical details</summary>
          <pre>{error.stack}</pre>
        </details>
      </div>
    )
  }
}
