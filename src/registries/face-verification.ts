/**
 * 人脸识别: a pluggable provider compares a live photo with the ID photo on record. The simulator
 * stands in for the real service: it accepts a well-formed PNG for a person the registries know,
 * and refuses anything else, deterministically.
 */
export interface FaceVerifier {
  verify(idNumber: string, photoPng: Buffer): Promise<{ verified: boolean; score: number }>;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function simulatedFaceVerifier(knows: (idNumber: string) => Promise<boolean>): FaceVerifier {
  return {
    async verify(idNumber, photo) {
      const wellFormed = photo.length > PNG_MAGIC.length && photo.subarray(0, 8).equals(PNG_MAGIC);
      const verified = wellFormed && (await knows(idNumber));
      return { verified, score: verified ? 0.97 : 0.12 };
    },
  };
}
