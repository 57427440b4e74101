import { Button, Image } from 'antd-mobile';
import { useId, useState } from 'react';
import { useT } from '../i18n.tsx';

/** What the server accepts (src/http/routes/citizen.ts): JPEG, PNG or PDF, at most 1.5 MB. */
const ACCEPT = ['image/jpeg', 'image/png', 'application/pdf'];
const MAX_BYTES = 1_500_000;
const MAX_SIDE = 1600;

/**
 * A photo from the camera or a file, with a preview and the type and size checks before anything
 * is sent. Large photos are scaled down in the browser, so a phone photo fits the limit.
 * `as: 'png'` re-encodes as PNG (face photos); otherwise photos become JPEG.
 */
export function PhotoInput({
  label,
  onFile,
  as,
  capture,
  onBusy,
}: {
  label: string;
  onFile: (dataUrl: string) => Promise<void>;
  as?: 'png';
  capture?: 'user' | 'environment';
  /** Told when a file starts being read and sent, and when it is done (sent, refused or failed). */
  onBusy?: (busy: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusyState] = useState(false);
  const setBusy = (b: boolean) => {
    setBusyState(b);
    onBusy?.(b);
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!ACCEPT.includes(file.type)) {
      setError(t('只能上传 JPG、PNG 图片或 PDF 文件', 'Only JPG or PNG images or PDF files can be uploaded'));
      return;
    }
    try {
      setBusy(true);
      const dataUrl =
        file.type === 'application/pdf'
          ? await readAsDataUrl(file)
          : await scaled(file, as === 'png' ? 'image/png' : 'image/jpeg');
      if ((dataUrl.length * 3) / 4 > MAX_BYTES) {
        setError(
          t(
            '文件不能超过 1.5 MB，请压缩或重新拍摄',
            'The file must be at most 1.5 MB; compress it or take the photo again',
          ),
        );
        return;
      }
      setPreview(file.type === 'application/pdf' ? null : dataUrl);
      await onFile(dataUrl);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 6 }}>
        {label}
      </label>
      {preview && (
        <Image
          src={preview}
          alt={t('预览', 'Preview')}
          width={120}
          height={90}
          fit="cover"
          style={{ borderRadius: 6, marginBottom: 6 }}
        />
      )}
      <input
        id={id}
        type="file"
        accept={ACCEPT.join(',')}
        {...(capture ? { capture } : {})}
        onChange={(e) => void pick(e.target.files?.[0])}
        disabled={busy}
      />
      {busy && (
        <Button size="mini" loading disabled>
          {t('上传中', 'Uploading')}
        </Button>
      )}
      {error && (
        <div role="alert" style={{ color: '#b00020', fontSize: 13, marginTop: 4 }}>
          {error}
        </div>
      )}
    </div>
  );
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as string);
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

async function scaled(file: File, type: 'image/png' | 'image/jpeg'): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const k = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * k));
  canvas.height = Math.max(1, Math.round(bitmap.height * k));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL(type, 0.85);
}
