import { z } from 'zod';
import { Citation, SeedFile } from '../domain/citation.ts';
import { DepartmentId, ItemId, ParentRole, RegionId, Scenario } from '../domain/ids.ts';
import { Bilingual } from '../domain/text.ts';
import { Condition } from './predicates.ts';

/**
 * The shape of a region's policy. A region file is data only: items and their order, rules
 * composed from named predicates, materials, form fields, time limits, delivery, insurance terms,
 * notices, legal bases, hotlines and the efficiency figures, each with the clause it comes from.
 */

const Kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');

export const Remedy = z.strictObject({
  kind: z.enum([
    'apply-offline',
    'supplement',
    'choose-other-parent',
    'correct-registry',
    'claim-e-license',
    'choose-other-scenario',
    'contact',
  ]),
  text: Bilingual,
});
export type Remedy = z.infer<typeof Remedy>;

export const EligibilityRule = z.strictObject({
  id: Kebab,
  /** 'case': a failure refuses the application. An item id: a failure leaves that item out. */
  scope: z.union([z.literal('case'), ItemId]),
  /** 'advise' findings are shown to the parent but never refuse. */
  effect: z.enum(['refuse', 'advise']).default('refuse'),
  /** Where the rule speaks only of some families (e.g. one parent is a serviceman). */
  appliesWhen: Condition.optional(),
  require: Condition,
  requirement: Bilingual,
  refusal: Bilingual,
  remedy: Remedy,
  citation: Citation,
});
export type EligibilityRule = z.infer<typeof EligibilityRule>;

export const Sla = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('working-days'), value: z.number().int().positive(), citation: Citation }),
  z.strictObject({
    unit: z.literal('working-hours'),
    value: z.number().int().positive(),
    citation: Citation,
  }),
  z.strictObject({ unit: z.literal('on-the-spot'), citation: Citation }),
]);
export type Sla = z.infer<typeof Sla>;

/** A time after an event, in working days or in calendar months (N个月内). */
const Period = z.union([
  z.strictObject({ unit: z.literal('working-days'), value: z.number().int().positive() }),
  z.strictObject({ months: z.number().int().positive() }),
]);
export type Period = z.infer<typeof Period>;

export const PolicyItem = z.strictObject({
  id: ItemId,
  name: Bilingual,
  department: DepartmentId,
  /**
   * 'joint': a 联办事项 the platform hands to the department as a task with a time limit.
   * 'service': a 服务事项 the family may use along the way (Gansu 附件1); never a dispatched task.
   */
  kind: z.enum(['joint', 'service']).default('joint'),
  /** Items that must be done before this one may start (the dependency DAG). */
  dependsOn: z.array(ItemId).default([]),
  /** Absent when the documents set no time limit for the item. */
  sla: Sla.optional(),
  /**
   * When the item's clock starts: when the platform hands it over, or only once the family has
   * given what the item waits for (Fujian's card: the bank chosen and the baby's hukou page in).
   */
  clockStarts: z.enum(['when-dispatched', 'when-family-ready']).default('when-dispatched'),
  citation: Citation,
});
export type PolicyItem = z.infer<typeof PolicyItem>;

export const Material = z.strictObject({
  id: Kebab,
  name: Bilingual,
  forItems: z.array(ItemId).min(1),
  /** Only some families need it (e.g. the ethnicity confirmation when parents' ethnicities differ). */
  when: Condition.optional(),
  /** When this holds, the shared data supplies the material and nothing is uploaded (免交). */
  suppliedWhen: Condition.optional(),
  /**
   * When the family uploads it: with the application, or only once the items it is for may start,
   * because it cannot exist before (Fujian: the baby's hukou page, after the registration).
   */
  uploaded: z.enum(['with-application', 'when-item-starts']).default('with-application'),
  citation: Citation,
});
export type Material = z.infer<typeof Material>;

export const PrefillSource = z.enum([
  'identity', // the logged-in person's verified identity
  'delivery-record', // 分娩信息 from the hospital
  'hukou-registry', // 户籍信息
  'marriage-registry', // 婚姻登记信息
  'e-license', // 电子证照
  'platform', // computed by the platform (e.g. the plan)
]);
export type PrefillSource = z.infer<typeof PrefillSource>;

export const FormField = z.strictObject({
  id: Kebab,
  label: Bilingual,
  /** Empty: a field of the whole application rather than of one item. */
  forItems: z.array(ItemId).default([]),
  /** Where it can be prefilled from; empty means the applicant types it. */
  prefill: z.array(PrefillSource).default([]),
  hint: Bilingual.optional(),
  citation: Citation,
});
export type FormField = z.infer<typeof FormField>;

export const DeliveryMethod = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('mail'),
    fee: z.enum(['free', 'paid-by-applicant', 'unstated']),
    /** The family first mails something to the department (EMS both ways); the item's clock waits for it. */
    twoWay: z.boolean().default(false),
    note: Bilingual.optional(),
  }),
  z.strictObject({ kind: z.literal('pickup'), place: Bilingual }),
]);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

export const DeliveryRule = z.strictObject({
  item: ItemId,
  methods: z.array(DeliveryMethod).min(1),
  citation: Citation,
});

const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD');

export const InsuranceRules = z.discriminatedUnion('stated', [
  z.strictObject({
    stated: z.literal(true),
    /** The window after birth in which paying gives coverage from the birth day. */
    window: z.union([
      z.strictObject({
        days: z.number().int().positive(),
        /** The document says the last day counts ("90天(含)"); the count is the same, the wording is not. */
        saysInclusive: z.boolean().default(false),
      }),
      z.strictObject({ months: z.number().int().positive() }),
    ]),
    coverage: z.strictObject({
      afterWindow: z.enum(['payment-date', 'day-after-payment', 'unstated']),
      /**
       * Where the documents name a later point than the window's end for the after-window rule
       * (Anhui: "出生90天内" then "超过3个月"), the days between are a gap: no coverage is decided.
       */
      afterWindowFrom: z.strictObject({ months: z.number().int().positive() }).optional(),
      citation: Citation,
    }),
    nextYear: z
      .strictObject({
        /** Babies born on or after this day of the year may enroll for the next year too. */
        bornFrom: MonthDay,
        /** 'birth-date': the next-year enrollment also covers the rest of the birth year (Gansu). */
        coverageStart: z.enum(['birth-date', 'year-start']),
        requiresCurrent: z.boolean(),
        citation: Citation,
      })
      .optional(),
    premiumShare: z
      .strictObject({
        firstHalfBirth: z.number().min(0).max(1),
        secondHalfBirth: z.number().min(0).max(1),
        citation: Citation,
      })
      .optional(),
    citation: Citation,
  }),
  z.strictObject({ stated: z.literal(false), note: Bilingual, citation: Citation }),
]);
export type InsuranceRules = z.infer<typeof InsuranceRules>;

export const HotlineTopic = z.enum([
  'general',
  'hospital',
  'registration',
  'insurance',
  'card',
  'payment',
  'post',
  'technical',
]);

export const PolicyInput = z.strictObject({
  region: RegionId,
  name: Bilingual,
  /** What a tab or a list shows: the place, in a few characters. */
  shortName: Bilingual,
  /** The seed documents this policy encodes; every citation must point into one of them. */
  sources: z
    .array(
      z.strictObject({
        file: SeedFile,
        title: z.string().min(1),
        number: z.string().optional(),
        date: z.string().optional(),
      }),
    )
    .min(1),
  /** GB/T 2260 prefixes of the region the service runs in. */
  divisions: z.array(z.string().regex(/^\d{2,6}$/)).min(1),
  channel: z.strictObject({ description: Bilingual, citation: Citation }),
  items: z.array(PolicyItem).min(1),
  packages: z
    .array(z.strictObject({ id: Kebab, name: Bilingual, items: z.array(ItemId).min(1), citation: Citation }))
    .default([]),
  mandatory: z.strictObject({ items: z.array(ItemId).min(1), citation: Citation }).optional(),
  scenarios: z
    .array(
      z.strictObject({
        id: Scenario,
        name: Bilingual,
        skips: z.array(ItemId).default([]),
        citation: Citation,
      }),
    )
    .min(1),
  applicants: z.strictObject({
    roles: z.array(ParentRole).min(1),
    /** Roles that apply only with the mother's signed authorization (授权委托书). */
    authorizationRequired: z.array(ParentRole).default([]),
    /** The father confirms in his own login, with face verification (Anhui). */
    fatherConfirms: z.boolean().default(false),
    /** Whose face is verified during the application. */
    faceVerification: z.array(ParentRole).default([]),
    /** Who signs the application form; 'applicant' is whoever applies. */
    signatures: z
      .array(z.enum(['mother', 'father', 'applicant']))
      .min(1)
      .default(['applicant']),
    citation: Citation,
  }),
  rules: z.array(EligibilityRule).min(1),
  materials: z.array(Material).default([]),
  formFields: z.array(FormField).default([]),
  caseSla: z
    .strictObject({
      promised: Sla.optional(),
      legal: Sla.optional(),
      /** How soon a refused applicant must be told why (Zibo 一: 4个工作日内告知原因). */
      refusalNotice: Sla.optional(),
    })
    .default({}),
  /**
   * Whether a department may send an item back for a supplement (补件). Where it may not, a
   * material that fails review rejects the item to offline handling (Zibo 附件1 7).
   */
  supplements: z.strictObject({ offered: z.boolean(), citation: Citation }),
  /** What does not count toward an item's time limit; absent: every working hour counts. */
  slaPauses: z
    .strictObject({ excludes: z.array(z.enum(['supplement', 'mail'])).min(1), citation: Citation })
    .optional(),
  /**
   * Deadlines on the family, not on a department: Gansu's visit to the police station within 3
   * working days; Zibo's premium, paid from 3 working days to 6 months after enrollment.
   */
  familyDeadlines: z
    .array(
      z.strictObject({
        id: Kebab,
        task: Bilingual,
        /** The item whose completion starts the family's clock. */
        after: ItemId,
        /** Not before this long after it (the window opens). */
        opensAfter: Period.optional(),
        within: Period,
        citation: Citation,
      }),
    )
    .default([]),
  /**
   * The hospital's joint window, where the document sets one up: the clerk applies for the mother
   * under her letter of authorization, on the document's own papers (a named set the platform
   * prints), with the materials the window itself produces. Elsewhere a hospital's window is only the
   * offline fallback, on the general application form.
   */
  jointWindow: z
    .strictObject({
      papers: z.enum(['tongchuan-2023']),
      /** The material the signed letter of authorization (授权委托书) stands for. */
      letterMaterial: Kebab,
      /** The material the form signed at the window stands for. */
      formMaterial: Kebab,
      citation: Citation,
    })
    .optional(),
  /**
   * How the birth certificate's counterfoils (副页 / 第二联) travel from the hospital to the
   * police: in batches on a schedule, through whom, with which record both sides sign.
   */
  counterfoilTransfer: z
    .strictObject({
      /**
       * Each step of the route and who it is on the platform: one department's organisation in a
       * county (the baby's registering county, the county of the birth, or the sender's own), or a
       * receiver off the platform (the state archives) whose check comes back on the signed sheet.
       */
      route: z
        .array(
          z.strictObject({
            name: Bilingual,
            party: z.discriminatedUnion('kind', [
              z.strictObject({
                kind: z.literal('department'),
                department: DepartmentId,
                county: z.enum(['registering', 'birth', 'sender']),
              }),
              z.strictObject({ kind: z.literal('off-platform'), county: z.literal('birth') }),
            ]),
          }),
        )
        .min(2),
      schedule: z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('monthly'),
          /** Last month's counterfoils are posted before this day of the month. */
          byDay: z.number().int().min(1).max(28),
          /** Around major holidays the batch may go up to this many days later. */
          holidayDelayDays: z.number().int().nonnegative().default(0),
        }),
        z.strictObject({ kind: z.literal('periodic'), note: Bilingual }),
      ]),
      /** The list that travels with a batch (移交记录表, 明细表); absent where none is named. */
      record: Bilingual.optional(),
      signedByBoth: z.boolean().default(false),
      citation: Citation,
    })
    .optional(),
  /**
   * Cross-province hand-off (跨省通办): where the registering parent's hukou lies in another province
   * the platform reaches, these items go to that province's platform through the cross-province
   * port (Anhui: the Yangtze River Delta 一网通办), and come back from it like any decision.
   */
  crossProvince: z
    .strictObject({
      platform: Bilingual,
      provinces: z.array(z.strictObject({ prefix: z.string().regex(/^\d{2}$/), name: Bilingual })).min(1),
      items: z.array(ItemId).min(1),
      citation: Citation,
    })
    .optional(),
  /**
   * What a policy officer must know: where the documents contradict themselves, where they are
   * silent, and what the platform decided locally there. Shown in the guide, never hidden.
   */
  questions: z
    .array(
      z.strictObject({
        id: Kebab,
        kind: z.enum(['contradiction', 'gap', 'local-decision']),
        text: Bilingual,
        /** What the platform does meanwhile. */
        meanwhile: Bilingual,
        citations: z.array(Citation).min(1),
      }),
    )
    .default([]),
  /**
   * Figures the texts quote, each taken from the one place in the rules that sets it: a figure
   * names a path such as `insurance.window.days` or `rules.under-one-year.require.months` (array
   * entries by id); a notice writes `{{newborn-window-days}}` and definePolicy() puts the number in.
   */
  figures: z
    .record(
      Kebab,
      z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z0-9-]+)+$/, 'a path into the policy, e.g. insurance.window.days'),
    )
    .default({}),
  delivery: z.array(DeliveryRule).default([]),
  recipient: z
    .strictObject({
      allowed: z.array(ParentRole).min(1),
      mailWithin: z.array(z.string().regex(/^\d{2,6}$/)).optional(),
      sameAddressForAll: z.boolean().default(false),
      citation: Citation,
    })
    .optional(),
  insurance: InsuranceRules,
  /** Which pages of the birth certificate the family receives, by the hukou registration's outcome. */
  certificateHandover: z
    .strictObject({
      registrationDone: z.enum(['main-page', 'main-and-counterfoil']),
      /** Absent where the documents do not say. */
      registrationFailed: z.enum(['main-page', 'main-and-counterfoil']).optional(),
      citation: Citation,
    })
    .optional(),
  /** Postal terms for parcels (EMS): collection cut-off and delivery days by destination. */
  postal: z
    .strictObject({
      urbanDeliveryDays: z.number().int().nonnegative(),
      ruralDeliveryDays: z.number().int().nonnegative(),
      sameDayCollectionBefore: z
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .optional(),
      citation: Citation,
    })
    .optional(),
  /** 办理须知. A notice with scenarios applies only to those. */
  notices: z
    .array(z.strictObject({ text: Bilingual, scenarios: z.array(Scenario).optional(), citation: Citation }))
    .min(1),
  legalBases: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        issuer: z.string().optional(),
        effective: z.string().optional(),
        provision: Bilingual,
        items: z.array(ItemId).default([]),
        citation: Citation,
      }),
    )
    .default([]),
  hotlines: z
    .array(
      z.strictObject({
        name: Bilingual,
        number: z.string().min(3),
        /** What a parent would call about; the app groups the hotlines by it. */
        topic: HotlineTopic.default('general'),
        citation: Citation,
      }),
    )
    .default([]),
  efficiency: z
    .array(
      z.strictObject({
        metric: z.enum(['working-days', 'trips', 'materials', 'steps']),
        separately: z.number().nonnegative(),
        jointly: z.number().nonnegative(),
        citation: Citation,
      }),
    )
    .default([]),
  smsTemplates: z.array(z.strictObject({ event: Kebab, text: Bilingual, citation: Citation })).default([]),
});
export type PolicyInput = z.input<typeof PolicyInput>;
/** A parsed policy: its figures are resolved to the numbers the rules hold. */
export type Policy = Omit<z.infer<typeof PolicyInput>, 'figures'> & { figures: Record<string, number> };
