import type { LintContext } from './context.js';
import { checkHappenedCheck } from './rubric-happened.js';
import { evidenceSources, pageCanFire } from './sources.js';

/**
 * Every rubric checkpoint can be earned in every variant. Most check kinds
 * depend only on the IC (sev, status, hyp, roles, reply, no harm); the rest
 * need the world to cooperate: a page to acknowledge, evidence that some
 * diagnostic output or evidence entry grants in that variant, a responder who
 * can join to be escalated to, delegated to and followed up with.
 * `mitigated` and `resolved-after-fix` are reported with mitigatedWhen and
 * fixedWhen; did, before, reached and never in rubric-happened.ts.
 */
export function checkRubric(ctx: LintContext): void {
  const s = ctx.scenario;
  const anyoneJoins = ctx.model.joinable.size > 0;
  s.rubric.forEach((cp, i) => {
    const c = cp.check;
    const at = ['rubric', i, 'check'];
    switch (c.kind) {
      case 'ack': {
        const silent = ctx.variantIndexes.filter((vi) => !pageCanFire(ctx, vi));
        if (silent.length > 0)
          ctx.add(at, `checkpoint ${cp.id} (ack) can never be earned in ${ctx.variantList(silent)}: no page ever fires there (no alert's metric crosses its line while its when holds, and no message with channel: page is sent). Add an alert on a metric the fault moves, or a page message`, 'rubric');
        return;
      }
      case 'evidence': {
        const blind = ctx.variantIndexes.filter((vi) => !c.any.some((id) => evidenceSources(ctx, id).some((src) => src.grantedIn(vi))));
        if (blind.length === 0) return;
        const why = c.any
          .map((id) => {
            const srcs = evidenceSources(ctx, id);
            return srcs.length === 0 ? `nothing grants ${id}` : `${id} comes only from ${srcs.map((x) => x.where).join(', ')}, which ${srcs.length === 1 ? 'is' : 'are'} never seen there`;
          })
          .join('; ');
        ctx.add(
          [...at, 'any'],
          `checkpoint ${cp.id} (evidence) can never be earned in ${ctx.variantList(blind)}: ${why}. Grant ${c.any.length === 1 ? c.any[0] : `one of ${c.any.join(', ')}`} from a diagnostic output or an evidence entry whose when can hold in ${blind.map((vi) => ctx.scenario.variants[vi]!.id).join(', ')}`,
          'rubric',
        );
        return;
      }
      case 'escalated':
        c.teams.forEach((t, j) => {
          const team = s.teams.find((x) => x.id === t);
          if (!team) return;
          const joiners = team.members.filter((m) => s.people.find((p) => p.id === m)?.joinSec !== null);
          if (joiners.length === 0)
            ctx.add([...at, 'teams', j], `checkpoint ${cp.id} (escalated) names team ${t}, but none of its members can join (every one has joinSec: null): paging them brings nobody. Give a member of ${t} a joinSec`, 'rubric');
        });
        return;
      case 'roles':
        c.roles.forEach((role, j) => {
          if (ctx.roles && !ctx.roles.includes(role))
            ctx.add([...at, 'roles', j], `checkpoint ${cp.id} (roles) asks for role "${role}", which \`role ROLE NAME\` does not accept (roles: ${ctx.roles.join(', ')}), so it can never be earned. Use one of those`, 'rubric');
        });
        return;
      case 'delegated':
      case 'followed-up':
        if (!anyoneJoins)
          ctx.add(at, `checkpoint ${cp.id} (${c.kind}) can never be earned: no responder can ever join (each has joinSec: null or is not the one their team's page brings), so there is nobody to ${c.kind === 'delegated' ? 'delegate to' : 'follow up with'}. Give someone on a team a joinSec`, 'rubric');
        return;
      case 'did':
      case 'before':
      case 'reached':
      case 'never':
        return checkHappenedCheck(ctx, cp, at);
      default:
        return;
    }
  });
}
