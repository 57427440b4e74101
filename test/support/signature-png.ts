import { crc32, deflateSync } from 'node:zlib';

/**
 * A handwritten-looking signature as a PNG (a dark scrawl on a transparent ground), drawn here so
 * the PDF tests need no image files: what the signing canvas sends, at its usual size.
 */
export function signaturePng(width = 240, height = 72, seed = 1): Buffer {
  const pixels = Buffer.alloc(width * height * 2); // grey + alpha
  const ink = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const i = (py * width + px) * 2;
        pixels[i] = 20;
        pixels[i + 1] = 255;
      }
  };
  for (let t = 0; t < 1; t += 0.0005) {
    const x = 10 + t * (width - 20);
    const y = height / 2 + Math.sin(t * (14 + seed) * Math.PI) * height * 0.3 * Math.cos(t * 3 + seed);
    ink(x, y);
  }
  const rows = Buffer.alloc((width * 2 + 1) * height);
  for (let y = 0; y < height; y++)
    pixels.copy(rows, y * (width * 2 + 1) + 1, y * width * 2, (y + 1) * width * 2);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(4, 9); // grey + alpha
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
