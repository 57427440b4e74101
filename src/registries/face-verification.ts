import { isPng } from '../domain/png.ts';

/**
 * 人脸识别: a pluggable provider compares a live photo with the ID photo on record. The simulator
 * stands in for the real service: it accepts a well-formed PNG for a person the registries know,
 * and refuses anything else, deterministically.
 */
export interface FaceVerifier {
  verify(idNumber: string, photoPng: Buffer): Promise<{ verified: boolean; score: number }>;
}

export function simulatedFaceVerifier(knows: (idNumber: string) => Promise<boolean>): FaceVerifier {
  return {
    async verify(idNumber, photo) {
      const verified = isPng(photo) && (await knows(idNumber));
      return { verified, score: verified ? 0.97 : 0.12 };
    },
  };
}
