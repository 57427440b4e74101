import type { PremiumYear } from '../domain/case-events.ts';
import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/**
 * 税务 (tax bureau): collects the resident insurance premium. It first assesses what is due for
 * the insured baby and the years chosen (核定), the family pays through the payment port, and the
 * bureau then confirms the payment with its voucher.
 */

/**
 * What the simulated bureau assesses for one insurance year, in fen. None of the five documents
 * states the amount; a real bureau answers with its own figure. The region's share for late-year
 * births (Zibo: half, 000 附件1 3 办理须知 4) applies to the birth year, as the form carries it.
 */
export const SIMULATED_ANNUAL_PREMIUM_FEN = 40_000;

export const tax: DepartmentDefinition = {
  id: 'tax',
  name: { zh: '税务部门', en: 'tax bureau' },
  taskFields: (_item, form, outputs, item) => ({
    insured: {
      name: form.baby.name,
      citizenIdNumber: outputs.citizenIdNumber ?? null,
      insuranceNumber: outputs.insuranceNumber ?? null,
    },
    payer: { name: form.mother.name, phone: form.mother.phone ?? null },
    insuranceYears: form.insuranceYears ?? ['current'],
    premium: form.premium ?? null,
    ...(item?.payment?.paidAt
      ? {
          payment: {
            orderId: item.payment.orderId,
            amountFen: item.payment.amountFen,
            paidAt: item.payment.paidAt,
          },
        }
      : {}),
  }),
  simulate: (task) => {
    const f = task.fields as {
      premium: { years: PremiumYear[]; shareOfBirthYear: number } | null;
      payment?: unknown;
    };
    if (f.payment) return null; // paid: confirm it, with a voucher (simulateOutputs)
    const years = f.premium?.years ?? [];
    const amountFen = years.reduce(
      (sum, y) =>
        sum +
        Math.round(
          SIMULATED_ANNUAL_PREMIUM_FEN *
            (y.insuranceYear === 'current' ? (f.premium?.shareOfBirthYear ?? 1) : 1),
        ),
      0,
    );
    return { outcome: 'payment-due', payment: { amountFen, years } };
  },
  simulateOutputs: (_item, _task, random) => ({
    paymentReceipt: `SW${String(random.int(0, 9_999_999_999)).padStart(10, '0')}`,
  }),
  rejections: [],
  supplements: [],
};

export const createTaxSimulator = (o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>) =>
  simulateDepartment(tax, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createTaxClient = (o: { baseUrl: string; token: string }) => httpDepartmentClient(tax, o);
