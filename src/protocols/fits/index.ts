/** A small FITS reader in pure TS: headers, binary tables and image arrays, enough for 1-D spectra (SSAP, ESO SDP). */
export { FitsHeader, readHeader, parseCardValue, BLOCK, type Card, type CardValue } from './header'
export { readHdus, dataSize, type Hdu } from './hdu'
export { parseTform, readBinTable, findColumn, readNumbers, readColumn, readString, type BinTable, type BinTableColumn, type Tform } from './bintable'
export { readImage, imageShape } from './image'
export { readSpectrum, type Spectrum } from './spectrum'
