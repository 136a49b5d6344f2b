import { describe, expect, it } from 'vitest'
import { clientName, pingHub, sampErrorText } from './hub'

describe('the SAMP hub wrapper', () => {
  it('names clients by samp.name, else by id', () => {
    expect(clientName('c1', { 'samp.name': 'topcat' })).toBe('topcat')
    expect(clientName('c1', {})).toBe('[c1]')
    expect(clientName('c1', undefined)).toBe('[c1]')
  })
  it('says what a SAMP failure was', () => {
    expect(sampErrorText({ faultString: 'Private-key expired', faultCode: 5 })).toBe('Private-key expired')
    expect(sampErrorText(new Error('No hub?'))).toBe('No hub?')
    expect(sampErrorText('timeout')).toBe('timeout')
  })
  it('finds no hub where there is no browser XMLHttpRequest', async () => {
    expect(await pingHub()).toBe(false)
  })
})
