/** Allocation-free number parsing from string ranges (TABLEDATA cells). */

const POW10 = new Float64Array(23)
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p

/**
 * Parse a floating-point literal in s[a, b) (already trimmed).  Fast exact path for
 * up to 15 significant digits and |exponent| <= 22; other text goes through Number().
 * Accepts NaN / Inf / Infinity in any case, with sign. Returns undefined when invalid.
 */
export function parseFloatRange(s: string, a: number, b: number): number | undefined {
  // "NaN" as written by most services, without making a string
  if (b - a === 3 && s.charCodeAt(a) === 78 && s.charCodeAt(a + 1) === 97 && s.charCodeAt(a + 2) === 78) return NaN
  let i = a
  let neg = false
  let c = s.charCodeAt(i)
  if (c === 45 || c === 43) {
    neg = c === 45
    c = s.charCodeAt(++i)
  }
  let mant = 0
  let digits = 0
  let exp = 0
  let any = false
  while (c >= 48 && c <= 57) {
    any = true
    if (digits > 0 || c !== 48) {
      if (digits < 15) {
        mant = mant * 10 + (c - 48)
        digits++
      } else return slow(s, a, b)
    }
    c = s.charCodeAt(++i)
  }
  if (c === 46) {
    c = s.charCodeAt(++i)
    while (c >= 48 && c <= 57) {
      any = true
      if (digits > 0 || c !== 48) {
        if (digits < 15) {
          mant = mant * 10 + (c - 48)
          digits++
        } else return slow(s, a, b)
      }
      exp--
      c = s.charCodeAt(++i)
    }
  }
  if (!any) return slow(s, a, b)
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++i)
    let eneg = false
    if (c === 45 || c === 43) {
      eneg = c === 45
      c = s.charCodeAt(++i)
    }
    let e = 0
    let ed = 0
    while (c >= 48 && c <= 57 && ed < 6) {
      e = e * 10 + (c - 48)
      ed++
      c = s.charCodeAt(++i)
    }
    if (ed === 0) return slow(s, a, b)
    exp += eneg ? -e : e
  }
  if (i !== b) return slow(s, a, b)
  let v: number
  if (mant === 0) v = 0
  else if (exp === 0) v = mant
  else if (exp > 0 && exp <= 22) v = mant * POW10[exp]
  else if (exp < 0 && exp >= -22) v = mant / POW10[-exp]
  else return slow(s, a, b)
  return neg ? -v : v
}

function slow(s: string, a: number, b: number): number | undefined {
  const t = s.slice(a, b)
  const v = Number(t)
  if (v === v && t.length > 0) {
    // Number() also accepts hex/binary/octal prefixes; VOTable floats are decimal
    const c = t.charCodeAt(t[0] === '-' || t[0] === '+' ? 1 : 0)
    if (c === 48 && t.length > 2 && /[xXbBoO]/.test(t)) return undefined
    return v
  }
  const l = t.toLowerCase()
  if (l === 'nan' || l === '+nan' || l === '-nan') return NaN
  if (l === 'inf' || l === '+inf' || l === 'infinity' || l === '+infinity') return Infinity
  if (l === '-inf' || l === '-infinity') return -Infinity
  return undefined
}

/**
 * Parse an integer literal in s[a, b) (trimmed): decimal with optional sign, or 0x hex.
 * Returns a number when it is a safe integer, a bigint beyond that, undefined when invalid.
 */
export function parseIntRange(s: string, a: number, b: number): number | bigint | undefined {
  let i = a
  let neg = false
  let c = s.charCodeAt(i)
  if (c === 45 || c === 43) {
    neg = c === 45
    i++
  }
  if (i >= b) return undefined
  if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) return parseHex(s, i + 2, b, neg)
  if (b - i > 15) return parseBig(s, a, b)
  let v = 0
  for (; i < b; i++) {
    c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) {
      // tolerate a decimal point followed by zeros ("12.0")
      if (c === -2 && /^\.0*$/.test(s.slice(i, b))) break
      return undefined
    }
    v = v * 10 + c
  }
  return neg ? -v : v
}

function parseBig(s: string, a: number, b: number): number | bigint | undefined {
  const t = s.slice(a, b)
  if (!/^[+-]?[0-9]+$/.test(t)) return undefined
  const big = BigInt(t)
  return big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big
}

function parseHex(s: string, a: number, b: number, neg: boolean): number | bigint | undefined {
  const t = s.slice(a, b)
  if (!/^[0-9a-fA-F]+$/.test(t)) return undefined
  const big = BigInt('0x' + t)
  const v = neg ? -big : big
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v
}
