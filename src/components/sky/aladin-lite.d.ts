// aladin-lite 3.8.2 ships no types; this covers what SkyView uses (see frontend-stack-facts §6).
declare module 'aladin-lite' {
  export interface AladinOptions {
    survey?: string | string[] | unknown
    fov?: number
    target?: string
    projection?: 'SIN' | 'TAN' | 'AIT' | 'MOL' | 'ARC' | 'ZEA' | 'MER'
    cooFrame?: 'ICRS' | 'ICRSd' | 'galactic'
    log?: boolean
    samp?: boolean
    showReticle?: boolean
    showZoomControl?: boolean
    showFullscreenControl?: boolean
    showLayersControl?: boolean
    showGotoControl?: boolean
    showSimbadPointerControl?: boolean
    showCooGridControl?: boolean
    showProjectionControl?: boolean
    showFrame?: boolean
    showCooLocation?: boolean
    showFov?: boolean
    showContextMenu?: boolean
    showSettingsControl?: boolean
    showShareControl?: boolean
    showStatusBar?: boolean
    backgroundColor?: string
  }
  export interface ShapeOptions {
    color?: string
    fillColor?: string
    lineWidth?: number
  }
  export interface Overlay {
    add(shape: unknown | unknown[]): void
    removeAll(): void
    overlayItems: unknown[]
  }
  export interface Aladin {
    getRaDec(): [number, number]
    getFov(): [number, number]
    getSize(): [number, number]
    setFoV(fov: number): void
    gotoRaDec(ra: number, dec: number): void
    world2pix(ra: number, dec: number, frame?: string): [number, number] | null | undefined
    pix2world(x: number, y: number, frame?: string): [number, number] | null | undefined
    addOverlay(overlay: Overlay): void
    removeLayers?(): void
    on(event: string, callback: (...args: unknown[]) => void): void
    getViewCenter2NorthPoleAngle?(): number
    setImageSurvey?(survey: unknown): void
    increaseZoom(): void
    decreaseZoom(): void
    setCooGrid(options: { enabled?: boolean; color?: string; opacity?: number; showLabels?: boolean; labelSize?: number }): void
    setFrame(frame: string): void
  }
  interface AladinStatic {
    init: Promise<void>
    aladin(div: HTMLElement | string, options?: AladinOptions): Aladin
    graphicOverlay(options?: ShapeOptions & { name?: string }): Overlay
    polygon(vertices: [number, number][], options?: ShapeOptions): unknown
    circle(ra: number, dec: number, radius: number, options?: ShapeOptions): unknown
  }
  const A: AladinStatic
  export default A
}
