// Tiny but valid JPEG, GIF and WebP images, encoded here so the simulator needs no image library.
// Each uses the simplest form its format allows (uniform JPEG blocks, a GIF that never grows its LZW
// code size, a single-colour lossless WebP), and each decodes in browsers like any other image.

import type { Rng } from "./prng";

/** Writes bits least significant first, as GIF's LZW and WebP's VP8L streams are packed. */
class LsbBitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, count: number): void {
    for (let bit = 0; bit < count; bit++) {
      this.current |= ((value >>> bit) & 1) << this.used;
      if (++this.used === 8) this.flush();
    }
  }

  private flush(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.used = 0;
  }

  finish(): Buffer {
    if (this.used > 0) this.flush();
    return Buffer.from(this.bytes);
  }
}

/** Writes bits most significant first, with the 0x00 stuffed after each 0xFF that JPEG's entropy-coded data needs. */
class JpegBitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, count: number): void {
    for (let bit = count - 1; bit >= 0; bit--) {
      this.current = (this.current << 1) | ((value >>> bit) & 1);
      if (++this.used === 8) this.flush();
    }
  }

  private flush(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00);
    this.current = 0;
    this.used = 0;
  }

  /** Pads the last byte with one bits, as the format asks. */
  finish(): Buffer {
    while (this.used > 0) this.write(1, 1);
    return Buffer.from(this.bytes);
  }
}

function u16be(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
}

function u16le(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function jpegSegment(marker: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);
}

/**
 * A baseline greyscale JPEG of uniform 8x8 blocks. With every quantiser 1, a block's only non-zero
 * coefficient is its DC term, 8 x (level - 128), so the entropy-coded data is a DC difference and an
 * end-of-block per block, coded with two small Huffman tables of its own.
 */
export function jpeg(rng: Rng): Buffer {
  const blocksAcross = 2 + rng.int(3);
  const blocksDown = 2 + rng.int(2);
  const dcTable = { counts: [0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], symbols: Array.from({ length: 12 }, (_, s) => s) };
  const acTable = { counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], symbols: [0x00] };
  const bits = new JpegBitWriter();
  let previous = 0;
  for (let block = 0; block < blocksAcross * blocksDown; block++) {
    const dc = 8 * (32 + rng.int(192) - 128);
    const difference = dc - previous;
    previous = dc;
    const magnitude = Math.abs(difference);
    const category = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
    // Twelve DC categories share the 4-bit codes 0000..1011 in symbol order (canonical Huffman codes).
    bits.write(category, 4);
    if (category > 0) bits.write(difference >= 0 ? difference : difference + (1 << category) - 1, category);
    bits.write(0, 1); // end of block: the AC table's only code
  }
  const huffman = (tableClassAndId: number, table: { counts: number[]; symbols: number[] }) =>
    jpegSegment(0xc4, Buffer.from([tableClassAndId, ...table.counts, ...table.symbols]));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])),
    jpegSegment(0xdb, Buffer.from([0x00, ...new Array<number>(64).fill(1)])),
    jpegSegment(0xc0, Buffer.concat([Buffer.from([8]), u16be(blocksDown * 8), u16be(blocksAcross * 8), Buffer.from([1, 1, 0x11, 0])])),
    huffman(0x00, dcTable),
    huffman(0x10, acTable),
    jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    bits.finish(),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/**
 * A GIF89a with a four-colour palette. Its LZW stream sends a clear code before every second pixel,
 * so the decoder's table never grows past 3-bit codes and every pixel is a literal.
 */
export function gif(rng: Rng): Buffer {
  const width = 6 + rng.int(11);
  const height = 6 + rng.int(11);
  const palette = Buffer.from(Array.from({ length: 12 }, () => rng.int(256)));
  const clear = 4;
  const end = 5;
  const lzw = new LsbBitWriter();
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (pixel % 2 === 0) lzw.write(clear, 3);
    lzw.write((Math.floor(pixel / width) + (pixel % width)) % 4, 3);
  }
  lzw.write(end, 3);
  const data = lzw.finish();
  const subBlocks: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += 255) {
    const part = data.subarray(offset, offset + 255);
    subBlocks.push(Buffer.from([part.length]), part);
  }
  return Buffer.concat([
    Buffer.from("GIF89a", "latin1"),
    u16le(width),
    u16le(height),
    Buffer.from([0x91, 0, 0]), // global palette of 4 colours, 2 bits of colour resolution
    palette,
    Buffer.from([0x2c]),
    u16le(0),
    u16le(0),
    u16le(width),
    u16le(height),
    Buffer.from([0x00, 2]), // no local palette; LZW minimum code size 2
    ...subBlocks,
    Buffer.from([0x00, 0x3b]),
  ]);
}

/**
 * A lossless (VP8L) WebP of one colour: each of its five prefix codes has a single symbol, which
 * takes no bits to read, so the pixels need no data at all after the codes.
 */
export function webp(rng: Rng): Buffer {
  const width = 8 + rng.int(25);
  const height = 8 + rng.int(25);
  const bits = new LsbBitWriter();
  bits.write(width - 1, 14);
  bits.write(height - 1, 14);
  bits.write(0, 1); // no alpha
  bits.write(0, 3); // version 0
  bits.write(0, 1); // no transform
  bits.write(0, 1); // no colour cache
  bits.write(0, 1); // no meta prefix codes
  // Green, red, blue and alpha: a simple code of one 8-bit symbol each.
  for (const value of [rng.int(256), rng.int(256), rng.int(256), 255]) {
    bits.write(1, 1); // simple code
    bits.write(0, 1); // one symbol
    bits.write(1, 1); // of 8 bits
    bits.write(value, 8);
  }
  // Distance: one 1-bit symbol, 0 (never used: there are no back-references).
  bits.write(1, 1);
  bits.write(0, 1);
  bits.write(0, 1);
  bits.write(0, 1);
  const stream = Buffer.concat([Buffer.from([0x2f]), bits.finish()]);
  const padded = stream.length % 2 === 1 ? Buffer.concat([stream, Buffer.from([0])]) : stream;
  const chunkSize = Buffer.alloc(4);
  chunkSize.writeUInt32LE(stream.length);
  const riffSize = Buffer.alloc(4);
  riffSize.writeUInt32LE(4 + 8 + padded.length);
  return Buffer.concat([Buffer.from("RIFF", "latin1"), riffSize, Buffer.from("WEBPVP8L", "latin1"), chunkSize, padded]);
}
