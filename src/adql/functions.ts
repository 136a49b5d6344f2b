/**
 * The ADQL 2.1 built-in functions: signatures for completion and hover, and the argument forms the
 * validator checks calls against. Argument kinds follow the BNF's syntactic categories
 * (numeric/string/geometry value expressions, `<coord_value>`, `<coord_sys>` literal…).
 */

/** What an argument position accepts (see validate.ts `accepts`). */
export type ArgKind =
  | 'numeric' // <numeric_value_expression>
  | 'string' // <character_value_expression>
  | 'geometry' // <geometry_value_expression>
  | 'value' // <value_expression> (also NULL)
  | 'coordValue' // <coord_value>: a point (POINT, CENTROID, UDF) or a column
  | 'coordSys' // <coord_sys>: a string literal (NULL is tolerated, as lyonetia expects)
  | 'stringLiteral' // <character_string_literal>
  | 'unsignedInteger' // <unsigned_decimal>
  | 'signedInteger' // <signed_integer>

export type FunctionCategory = 'math' | 'trig' | 'geometry' | 'string' | 'conditional' | 'unit' | 'aggregate' | 'type'

/** What a call yields, as the BNF categorises it (`primary` fits every context a column fits). */
export type ResultKind = 'numeric' | 'string' | 'geometry' | 'point' | 'primary'

export interface ArgForm {
  args: ArgKind[]
  /** Repeats the last argument kind: at least `args.length` arguments. */
  variadic?: boolean
  /** Form added by ADQL 2.1 (rejected when validating as ADQL 2.0). */
  since?: '2.1'
}

export interface AdqlFunction {
  /** Upper-case name. */
  name: string
  /** Human signature for completion, e.g. `POINT([coordsys,] long, lat) → POINT`. */
  signature: string
  description: string
  category: FunctionCategory
  returns: ResultKind
  forms: ArgForm[]
  /** Optional-feature IVOID of TAPRegExt (absent for core functions). */
  feature?: string
  /** Function added by ADQL 2.1. */
  since?: '2.1'
  /** Reserved word (otherwise the name stays usable as a column name, like COT in 2.0). */
  reserved: boolean
}

const GEO = 'ivo://ivoa.net/std/TAPRegExt#features-adqlgeo'
const n: ArgKind = 'numeric'
const cv: ArgKind = 'coordValue'
const cs: ArgKind = 'coordSys'

function fn(
  name: string,
  signature: string,
  description: string,
  category: FunctionCategory,
  returns: ResultKind,
  forms: ArgForm[],
  extra: Partial<Pick<AdqlFunction, 'feature' | 'since' | 'reserved'>> = {},
): AdqlFunction {
  return { name, signature, description, category, returns, forms, reserved: true, ...extra }
}

const unary = (name: string, description: string, category: FunctionCategory): AdqlFunction =>
  fn(name, `${name}(x) → DOUBLE`, description, category, 'numeric', [{ args: [n] }])

export const ADQL_FUNCTIONS: readonly AdqlFunction[] = [
  // mathematical
  unary('ABS', 'Absolute value of x.', 'math'),
  unary('CEILING', 'Smallest integer not less than x.', 'math'),
  unary('DEGREES', 'Converts x from radians to degrees.', 'math'),
  unary('EXP', 'Exponential of x.', 'math'),
  unary('FLOOR', 'Largest integer not greater than x.', 'math'),
  unary('LOG', 'Natural logarithm of x.', 'math'),
  unary('LOG10', 'Base 10 logarithm of x.', 'math'),
  fn('MOD', 'MOD(x, y) → DOUBLE', 'Remainder of x/y.', 'math', 'numeric', [{ args: [n, n] }]),
  fn('PI', 'PI() → DOUBLE', 'The constant π.', 'math', 'numeric', [{ args: [] }]),
  fn('POWER', 'POWER(x, y) → DOUBLE', 'x raised to the power y.', 'math', 'numeric', [{ args: [n, n] }]),
  unary('RADIANS', 'Converts x from degrees to radians.', 'math'),
  fn('RAND', 'RAND([seed]) → DOUBLE', 'Random value between 0 and 1, with an optional integer seed.', 'math', 'numeric', [
    { args: [] },
    { args: ['unsignedInteger'] },
  ]),
  fn('ROUND', 'ROUND(x[, n]) → DOUBLE', 'x rounded to n decimal places (default 0).', 'math', 'numeric', [
    { args: [n] },
    { args: [n, 'signedInteger'] },
  ]),
  unary('SQRT', 'Square root of x.', 'math'),
  fn('TRUNCATE', 'TRUNCATE(x[, n]) → DOUBLE', 'x truncated to n decimal places (default 0).', 'math', 'numeric', [
    { args: [n] },
    { args: [n, 'signedInteger'] },
  ]),
  // trigonometric (radians)
  unary('ACOS', 'Arc cosine of x, in radians.', 'trig'),
  unary('ASIN', 'Arc sine of x, in radians.', 'trig'),
  unary('ATAN', 'Arc tangent of x, in radians.', 'trig'),
  fn('ATAN2', 'ATAN2(y, x) → DOUBLE', 'Arc tangent of y/x, in radians, using the signs of both.', 'trig', 'numeric', [
    { args: [n, n] },
  ]),
  unary('COS', 'Cosine of x (radians).', 'trig'),
  unary('COT', 'Cotangent of x (radians).', 'trig'),
  unary('SIN', 'Sine of x (radians).', 'trig'),
  unary('TAN', 'Tangent of x (radians).', 'trig'),
  // geometry (optional feature adqlgeo); coordinates in degrees, coordsys may be any string
  fn('AREA', 'AREA(shape) → DOUBLE', 'Area of a shape, in square degrees.', 'geometry', 'numeric', [{ args: ['geometry'] }], {
    feature: GEO,
  }),
  fn(
    'BOX',
    'BOX([coordsys,] long, lat, width, height) → POLYGON',
    'A box centred on a position (long, lat or a point), with width and height in degrees (deprecated: use POLYGON).',
    'geometry',
    'geometry',
    [
      { args: [cs, n, n, n, n] },
      { args: [n, n, n, n], since: '2.1' },
      { args: [cs, cv, n, n], since: '2.1' },
      { args: [cv, n, n], since: '2.1' },
    ],
    { feature: GEO },
  ),
  fn('CENTROID', 'CENTROID(shape) → POINT', 'Centroid of a shape.', 'geometry', 'point', [{ args: ['geometry'] }], {
    feature: GEO,
  }),
  fn(
    'CIRCLE',
    'CIRCLE([coordsys,] long, lat, radius) → CIRCLE',
    'A circle on the sky: centre (long, lat or a point) and radius, in degrees.',
    'geometry',
    'geometry',
    [
      { args: [cs, n, n, n] },
      { args: [n, n, n], since: '2.1' },
      { args: [cs, cv, n], since: '2.1' },
      { args: [cv, n], since: '2.1' },
    ],
    { feature: GEO },
  ),
  fn(
    'CONTAINS',
    'CONTAINS(shape1, shape2) → INTEGER',
    '1 if shape1 lies within shape2, else 0. Compare the result with 1 or 0.',
    'geometry',
    'numeric',
    [{ args: ['geometry', 'geometry'] }],
    { feature: GEO },
  ),
  fn('COORD1', 'COORD1(point) → DOUBLE', 'First coordinate (longitude) of a point, in degrees.', 'geometry', 'numeric', [{ args: [cv] }], {
    feature: GEO,
  }),
  fn('COORD2', 'COORD2(point) → DOUBLE', 'Second coordinate (latitude) of a point, in degrees.', 'geometry', 'numeric', [{ args: [cv] }], {
    feature: GEO,
  }),
  fn('COORDSYS', 'COORDSYS(shape) → VARCHAR', 'Coordinate system of a shape.', 'geometry', 'string', [{ args: ['geometry'] }], {
    feature: GEO,
  }),
  fn(
    'DISTANCE',
    'DISTANCE(point1, point2) → DOUBLE',
    'Angular distance between two points, in degrees; also DISTANCE(long1, lat1, long2, lat2).',
    'geometry',
    'numeric',
    [{ args: [cv, cv] }, { args: [n, n, n, n], since: '2.1' }],
    { feature: GEO },
  ),
  fn(
    'INTERSECTS',
    'INTERSECTS(shape1, shape2) → INTEGER',
    '1 if the shapes overlap, else 0. Compare the result with 1 or 0.',
    'geometry',
    'numeric',
    [{ args: ['geometry', 'geometry'] }],
    { feature: GEO },
  ),
  fn('POINT', 'POINT([coordsys,] long, lat) → POINT', 'A position on the sky, in degrees.', 'geometry', 'point', [
    { args: [cs, n, n] },
    { args: [n, n], since: '2.1' },
  ], { feature: GEO }),
  fn(
    'POLYGON',
    'POLYGON([coordsys,] long1, lat1, long2, lat2, long3, lat3, …) → POLYGON',
    'A polygon from at least three vertices, given as coordinate pairs or as points.',
    'geometry',
    'geometry',
    [
      { args: [cs, n, n, n, n, n, n], variadic: true },
      { args: [n, n, n, n, n, n], variadic: true, since: '2.1' },
      { args: [cs, cv, cv, cv], variadic: true, since: '2.1' },
      { args: [cv, cv, cv], variadic: true, since: '2.1' },
    ],
    { feature: GEO },
  ),
  fn('REGION', "REGION('stc-s') → REGION", 'A shape from an STC-S string literal.', 'geometry', 'geometry', [
    { args: ['stringLiteral'] },
  ], { feature: GEO }),
  // string (2.1 optional feature adql-string)
  fn('LOWER', 'LOWER(s) → VARCHAR', 'Lower-case version of s.', 'string', 'string', [{ args: ['string'] }], {
    feature: 'ivo://ivoa.net/std/TAPRegExt#features-adql-string',
    since: '2.1',
  }),
  fn('UPPER', 'UPPER(s) → VARCHAR', 'Upper-case version of s.', 'string', 'string', [{ args: ['string'] }], {
    feature: 'ivo://ivoa.net/std/TAPRegExt#features-adql-string',
    since: '2.1',
  }),
  // conditional (2.1 optional feature adql-conditional)
  fn('COALESCE', 'COALESCE(v1, v2, …) → type of v1', 'First of its arguments that is not NULL.', 'conditional', 'primary', [
    { args: ['value'], variadic: true },
  ], { feature: 'ivo://ivoa.net/std/TAPRegExt#features-adql-conditional', since: '2.1' }),
  // units (2.1 optional feature adql-unit)
  fn(
    'IN_UNIT',
    "IN_UNIT(x, 'unit') → DOUBLE",
    'x converted to the given VOUnit (the column needs a unit).',
    'unit',
    'numeric',
    [{ args: [n, 'stringLiteral'] }],
    { feature: 'ivo://ivoa.net/std/TAPRegExt#features-adql-unit', since: '2.1' },
  ),
]

/** Aggregate (set) functions; their arguments are checked by the grammar. */
export const ADQL_AGGREGATES: readonly AdqlFunction[] = [
  fn('AVG', 'AVG([DISTINCT] x) → DOUBLE', 'Mean of x over the group.', 'aggregate', 'primary', [{ args: ['value'] }]),
  fn('COUNT', 'COUNT(*) | COUNT([DISTINCT] x) → BIGINT', 'Number of rows (or of non-NULL values of x).', 'aggregate', 'primary', [
    { args: ['value'] },
  ]),
  fn('MAX', 'MAX([DISTINCT] x)', 'Largest x in the group.', 'aggregate', 'primary', [{ args: ['value'] }]),
  fn('MIN', 'MIN([DISTINCT] x)', 'Smallest x in the group.', 'aggregate', 'primary', [{ args: ['value'] }]),
  fn('SUM', 'SUM([DISTINCT] x)', 'Sum of x over the group.', 'aggregate', 'primary', [{ args: ['value'] }]),
]

/** CAST (2.1 optional feature adql-type), listed for completion. */
export const ADQL_CAST: AdqlFunction = fn(
  'CAST',
  'CAST(x AS type)',
  'Converts x to SMALLINT, INTEGER, BIGINT, REAL, DOUBLE PRECISION, CHAR[(n)], VARCHAR[(n)], TIMESTAMP, POINT, CIRCLE or POLYGON.',
  'type',
  'primary',
  [],
  { feature: 'ivo://ivoa.net/std/TAPRegExt#features-adql-type', since: '2.1' },
)

const byName = new Map(ADQL_FUNCTIONS.map((f) => [f.name, f]))

/** The built-in scalar function of that name (any case), if any. */
export function builtinFunction(name: string): AdqlFunction | undefined {
  return byName.get(name.toUpperCase())
}

/** Every function for completion: `{ name, signature, description }`, scalar, aggregate and CAST. */
export const adqlFunctions: readonly AdqlFunction[] = [...ADQL_FUNCTIONS, ...ADQL_AGGREGATES, ADQL_CAST]
