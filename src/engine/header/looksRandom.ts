// An encrypted database (SQLCipher, SEE, ...) has no plain header: its first bytes are salt and
// ciphertext, indistinguishable from random. Text and ordinary binary formats are far from random.

/** Shannon entropy in bits per byte (0..8). */
export function byteEntropy(bytes: Uint8Array): number {
  if (bytes.length === 0) {
    return 0;
  }
  const counts = new Array<number>(256).fill(0);
  for (const byte of bytes) {
    counts[byte]++;
  }
  let entropy = 0;
  for (const count of counts) {
    if (count > 0) {
      const p = count / bytes.length;
      entropy -= p * Math.log2(p);
    }
  }
  return entropy;
}

// 100 random bytes measure 6.0..6.5 bits; English text about 4.2; base64 about 5.6, which the
// printable-byte test below rules out.
const minimumEntropy = 5.5;
const minimumNonPrintableShare = 0.25;
// Fewer bytes than this cannot show high entropy.
const minimumSample = 64;

export function looksRandom(bytes: Uint8Array): boolean {
  if (bytes.length < minimumSample) {
    return false;
  }
  let nonPrintable = 0;
  for (const byte of bytes) {
    if (byte < 0x20 || byte > 0x7e) {
      nonPrintable++;
    }
  }
  return byteEntropy(bytes) >= minimumEntropy && nonPrintable / bytes.length >= minimumNonPrintableShare;
}
