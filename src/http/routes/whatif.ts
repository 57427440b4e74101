import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../domain/error.ts';
import { RegionId } from '../../domain/ids.ts';
import { isLocalDate } from '../../domain/local-date.ts';
import type { AppDeps } from '../app.ts';
import { EfficiencyTable, Funnel, WhatIfReport } from '../../contract/supervision.ts';
import { InvitationOpened } from '../../contract/citizen.ts';
import { SECURITY } from '../openapi.ts';

/**
 * Supervision's policy what-if (政策推演), the efficiency table measured, and the 免申即办 funnel;
 * plus the parents' side of an invitation: opening it. A supervisor reads only their own regions:
 * another region is reported as not found, as on the other supervision endpoints.
 */
/** A real calendar date: 2026-02-30 fits the pattern but is no day, and no instant. */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'local-date')
  .refine(isLocalDate, 'local-date');
const Since = Day.optional().meta({ description: 'YYYY-MM-DD (Beijing); default: a year before now' });
const Params = z.strictObject({ region: RegionId });
const tags = ['supervision'];
/** A page lists this many families at most; the counts cover them all (the command line lists all). */
const FAMILIES_LISTED = 2000;

export const whatIfRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const scoped = async (authorization: string | undefined, region: RegionId) => {
      const supervisor = await deps.identity.supervisorFrom(authorization);
      if (!supervisor.regions.includes(region)) {
        throw fieldError('NOT_FOUND', 'region', {
          zh: `无权查看 ${region}`,
          en: `${region} is not among your regions`,
        });
      }
    };
    const since = (s: string | undefined) =>
      s ? new Date(`${s}T00:00:00+08:00`) : new Date(deps.clock.now().getTime() - 365 * 86_400_000);

    app.post(
      '/whatif',
      {
        schema: {
          operationId: 'runWhatIf',
          security: SECURITY.supervisor,
          response: { 200: WhatIfReport },
          summary: "Replay the region's cases since a date under a copy of its policy (reads only)",
          description:
            'policy: a whole policy, or {"basedOn": region, "set": {"insurance.window.days": 60}, "remove": [path]}',
          tags,
          body: z.strictObject({
            region: RegionId,
            since: Day,
            policy: z.record(z.string(), z.unknown()),
          }),
        },
      },
      async (req) => {
        await scoped(req.headers.authorization, req.body.region);
        return deps.engine.supervisor.whatIf(
          req.body.region,
          req.body.policy,
          req.body.since,
          FAMILIES_LISTED,
        );
      },
    );

    app.get(
      '/regions/:region/efficiency',
      {
        schema: {
          operationId: 'getEfficiency',
          security: SECURITY.supervisor,
          response: { 200: EfficiencyTable },
          summary: "The efficiency table: the policy's stated figures beside what finished cases achieved",
          tags,
          params: Params,
          querystring: z.strictObject({ since: Since }),
        },
      },
      async (req) => {
        await scoped(req.headers.authorization, req.params.region);
        return deps.engine.supervisor.efficiency(req.params.region, since(req.query.since));
      },
    );

    app.get(
      '/regions/:region/funnel',
      {
        schema: {
          operationId: 'getFunnel',
          security: SECURITY.supervisor,
          response: { 200: Funnel },
          summary: 'Proactive invitations: invited → opened → applied → finished, and birth to application',
          tags,
          params: Params,
          querystring: z.strictObject({ since: Since }),
        },
      },
      async (req) => {
        await scoped(req.headers.authorization, req.params.region);
        return deps.engine.supervisor.funnel(req.params.region, since(req.query.since));
      },
    );
  };

/** The mother opened the invitation sent when the delivery record arrived (the funnel's second step). */
export const invitationOpenedRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/proactive/:birthOrder/opened',
      {
        schema: {
          operationId: 'recordInvitationOpened',
          response: { 200: InvitationOpened },
          summary: 'Record that the mother opened her invitation to apply (免申即办)',
          tags: ['citizen'],
          security: [{ citizen: [] }],
          params: z.strictObject({ birthOrder: z.coerce.number().int().min(1).max(9) }),
        },
      },
      async (req) => {
        const { idNumber } = await deps.identity.citizenFrom(req.headers.authorization);
        return deps.engine.parent.invitationOpened(idNumber, req.params.birthOrder);
      },
    );
  };
