/** Test support: build small VOTables (TABLEDATA, BINARY, BINARY2) in memory. */

export interface F {
  name?: string
  datatype: string
  arraysize?: string
  nullValue?: string
}

export function fieldsXml(fields: F[]): string {
  return fields
    .map((f, i) => {
      const a = f.arraysize ? ` arraysize="${f.arraysize}"` : ''
      const v = f.nullValue !== undefined ? `<VALUES null="${f.nullValue}"/>` : ''
      return `<FIELD name="${f.name ?? 'c' + i}" datatype="${f.datatype}"${a}>${v}</FIELD>`
    })
    .join('\n')
}

export function tabledata(fields: F[], rows: string[][], extra = ''): string {
  const body = rows.map((r) => '<TR>' + r.map((c) => `<TD>${c}</TD>`).join('') + '</TR>').join('\n')
  return `<?xml version="1.0"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
<RESOURCE type="results">${extra}
<TABLE name="t">
${fieldsXml(fields)}
<DATA><TABLEDATA>
${body}
</TABLEDATA></DATA>
</TABLE>
</RESOURCE>
</VOTABLE>`
}

/** Big-endian byte writer. */
export class W {
  private bytes: number[] = []
  u8(...v: number[]): this {
    this.bytes.push(...v.map((x) => x & 255))
    return this
  }
  i16(v: number): this {
    return this.u8(v >> 8, v)
  }
  i32(v: number): this {
    return this.u8(v >>> 24, v >>> 16, v >>> 8, v)
  }
  i64(v: bigint): this {
    const dv = new DataView(new ArrayBuffer(8))
    dv.setBigInt64(0, v)
    return this.u8(...new Uint8Array(dv.buffer))
  }
  f32(v: number): this {
    const dv = new DataView(new ArrayBuffer(4))
    dv.setFloat32(0, v)
    return this.u8(...new Uint8Array(dv.buffer))
  }
  f64(v: number): this {
    const dv = new DataView(new ArrayBuffer(8))
    dv.setFloat64(0, v)
    return this.u8(...new Uint8Array(dv.buffer))
  }
  ascii(s: string, n?: number): this {
    const codes = Array.from(s, (c) => c.charCodeAt(0))
    while (n !== undefined && codes.length < n) codes.push(0)
    return this.u8(...codes)
  }
  ucs2(s: string): this {
    for (const c of s) this.i16(c.charCodeAt(0))
    return this
  }
  get data(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

export function base64(b: Uint8Array): string {
  let s = ''
  for (const x of b) s += String.fromCharCode(x)
  return btoa(s).replace(/(.{60})/g, '$1\n')
}

export function binary(fields: F[], data: Uint8Array, kind: 'BINARY' | 'BINARY2' = 'BINARY2', cut?: number): string {
  let stream = base64(data)
  let tail = '</STREAM></' + kind + '></DATA></TABLE></RESOURCE></VOTABLE>'
  if (cut !== undefined) {
    stream = stream.slice(0, cut)
    tail = ''
  }
  return `<?xml version="1.0"?><VOTABLE version="1.4"><RESOURCE><TABLE>${fieldsXml(fields)}<DATA><${kind}><STREAM encoding="base64">
${stream}${tail}`
}

/** A cell value in comparable form (typed arrays as arrays, bigint and NaN as tagged strings). */
export function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN'
  if (v !== null && typeof v === 'object' && typeof (v as ArrayLike<unknown>).length === 'number') return Array.from(v as ArrayLike<unknown>, plain)
  return v
}

interface TableView {
  name?: string
  id?: string
  fields: unknown[]
  params: unknown[]
  infos: unknown[]
  rowCount: number
  truncated: boolean
  serialization?: string
  value(r: number, c: number): unknown
}

/** Everything a reader of the document sees, in comparable form. */
export function snapshot(doc: { version?: string; infos: unknown[]; params: unknown[]; resources: unknown[]; warnings: string[]; tables: TableView[] }): unknown {
  const tableData = (t: TableView) => {
    const rows: unknown[][] = []
    for (let r = 0; r < t.rowCount; r++) rows.push(t.fields.map((_, c) => plain(t.value(r, c))))
    return rows
  }
  return {
    version: doc.version,
    infos: doc.infos,
    params: plain(JSON.parse(JSON.stringify(doc.params, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)))),
    resources: JSON.parse(JSON.stringify(doc.resources, (k, v) => (k === 'tables' ? (v as unknown[]).length : typeof v === 'bigint' ? `${v}n` : v))),
    warnings: doc.warnings,
    tables: doc.tables.map((t) => ({
      name: t.name, id: t.id, fields: t.fields, params: t.params.length, infos: t.infos, rowCount: t.rowCount, truncated: t.truncated,
      serialization: t.serialization, rows: tableData(t),
    })),
  }
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Split bytes into pieces of random sizes (many tiny ones, some large). */
export function randomChunks(bytes: Uint8Array, rand: () => number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; ) {
    const r = rand()
    const size = r < 0.3 ? 1 + Math.floor(rand() * 4) : r < 0.9 ? 1 + Math.floor(rand() * 300) : 1 + Math.floor(rand() * 5000)
    out.push(bytes.slice(i, i + size))
    i += size
  }
  return out
}
