import { registriesOpenApi } from '../registries/contract.ts';
import { describeConformance, runConformance } from '../registries/conformance.ts';
import type { FamilySituationInput } from '../registries/port.ts';
import { contractExamples, referenceData, referenceServer } from '../registries/reference-server.ts';
import { readJson, required, usageError } from './args.ts';

/** The reference server's token when REGISTRY_TOKEN is not set: for trying things on one machine. */
export const REFERENCE_TOKEN = 'reference-token';

/**
 * `onething registries serve | conformance | openapi`: the shared-data contract's reference server,
 * the conformance test a data-sharing platform runs against its own endpoint, and the contract.
 */
export async function registriesCommand(
  sub: string | undefined,
  values: { port?: string; host?: string; url?: string; file?: string; seed?: string; json?: boolean },
  env: NodeJS.ProcessEnv,
  now: Date,
  out: (s: string) => void,
): Promise<number> {
  const token = env.REGISTRY_TOKEN || REFERENCE_TOKEN;
  switch (sub) {
    case 'openapi':
      out(JSON.stringify(registriesOpenApi(await contractExamples()), null, 2));
      return 0;
    case 'serve': {
      const port = Number(values.port ?? 4010);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw usageError('port', '--port must be a port number');
      const data = referenceData({ seed: values.seed ?? 'reference', bornBy: now });
      const app = await referenceServer({ ...data, token });
      const address = await app.listen({ host: values.host ?? '127.0.0.1', port });
      out(
        [
          `reference shared-data registries 共享数据参考服务: ${address}`,
          `  contract 接口规范: docs/registries.openapi.json · ${data.registries.size} families 家庭`,
          `  token 令牌: ${env.REGISTRY_TOKEN ? 'REGISTRY_TOKEN' : REFERENCE_TOKEN}`,
          `  stop with Ctrl+C`,
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    case 'conformance': {
      const report = await runConformance({
        url: required(values.url, 'url'),
        token,
        family: values.file ? (readJson(values.file, 'file') as FamilySituationInput) : undefined,
      });
      out(values.json ? JSON.stringify(report, null, 2) : describeConformance(report));
      return report.ok ? 0 : 1;
    }
    default:
      throw usageError(
        'registries',
        'use `registries serve`, `registries conformance --url URL` or `registries openapi`',
      );
  }
}
