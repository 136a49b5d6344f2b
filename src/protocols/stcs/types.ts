/** The spherical shape model for STC-S regions and DALI geometry values; all angles in degrees. */

/**
 * Reference frame as written. J2000 (ESO) and FK5 are kept apart from ICRS so values round-trip;
 * they agree with ICRS to ~0.02″. Empty and UNKNOWNFrame both become UNKNOWN.
 */
export type SpaceFrame = 'ICRS' | 'FK5' | 'FK4' | 'J2000' | 'B1950' | 'GALACTIC' | 'ECLIPTIC' | 'UNKNOWN'

/** A polygon corner: [longitude, latitude] — RA/Dec in equatorial frames, l/b in GALACTIC. */
export type Vertex = [ra: number, dec: number]

export interface PointShape {
  kind: 'point'
  frame: SpaceFrame
  ra: number
  dec: number
}

export interface CircleShape {
  kind: 'circle'
  frame: SpaceFrame
  ra: number
  dec: number
  radius: number
}

/** Edges are great-circle arcs; either winding is accepted (the smaller enclosed region is meant). */
export interface PolygonShape {
  kind: 'polygon'
  frame: SpaceFrame
  vertices: Vertex[]
}

export interface UnionShape {
  kind: 'union'
  frame: SpaceFrame
  shapes: Shape[]
}

export interface IntersectionShape {
  kind: 'intersection'
  frame: SpaceFrame
  shapes: Shape[]
}

export interface NotShape {
  kind: 'not'
  frame: SpaceFrame
  shape: Shape
}

export type Shape = PointShape | CircleShape | PolygonShape | UnionShape | IntersectionShape | NotShape
