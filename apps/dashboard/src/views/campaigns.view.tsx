import type { components } from '#client';
import { day, money } from '../format.js';
import { answer, asOfQuery } from '../ledger.js';
import { periodLabel } from '../periods.js';
import { useSession } from '../session.js';
import { Person } from '../components/person.js';
import { Show } from '../components/loading.js';
import { useLoad } from '../components/use-load.js';

type CampaignView = components['schemas']['CampaignViewDto'];

/** Fewer than half the sales roster acknowledged the briefing: the same bar as the blindside sign. */
export const underBriefed = (campaign: CampaignView): boolean => {
  const roster = campaign.briefing.salesRosterSizeAtLaunch;
  return roster !== null && roster > 0 && campaign.briefing.acknowledgedBy.length / roster < 0.5;
};

export const briefingCoverage = (campaign: CampaignView): string => {
  const roster = campaign.briefing.salesRosterSizeAtLaunch;
  return roster ? `${campaign.briefing.acknowledgedBy.length} of ${roster} reps` : 'roster not recorded';
};

/** The campaigns active in the period: status, sales' reviews, briefing coverage, blindsides. */
export const CampaignsView = ({ period, asOf }: { period: string; asOf: string | null }) => {
  const { client, currency } = useSession();
  const loaded = useLoad(
    () => answer(client.GET('/v1/campaigns', { params: { query: { period, ...asOfQuery(asOf) } } })),
    [period, asOf],
  );
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">Campaigns — {periodLabel(period)}</h2>
      <Show loaded={loaded}>
        {({ campaigns }) =>
          campaigns.length === 0 ? (
            <p>No campaign activity in {period}.</p>
          ) : (
            <ul class="cards">
              {campaigns.map((c) => (
                <li key={c.campaignId} class="card" data-campaign={c.campaignId}>
                  <h3>
                    {c.name ?? c.campaignId} <span class="badge">{c.status}</span>
                  </h3>
                  <p>
                    {c.launchedAt ? `Launched ${day(c.launchedAt)}. ` : ''}
                    {c.reviewedBySalesBeforeLaunch === false && (
                      <span class="badge bad">not reviewed by sales</span>
                    )}
                    {c.reviewedBySalesBeforeLaunch === true && (
                      <span class="badge good">reviewed before launch</span>
                    )}
                  </p>
                  <p>
                    Briefing: {briefingCoverage(c)}
                    {underBriefed(c) && <span class="badge bad">under-briefed</span>}
                  </p>
                  {c.reviews.length > 0 && (
                    <ul>
                      {c.reviews.map((review) => (
                        <li key={`${review.reviewedBy}/${review.at}`}>
                          <Person id={review.reviewedBy} />: {review.verdict} — {review.reasons}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p>
                    {c.blindsides.length} blindside{c.blindsides.length === 1 ? '' : 's'}; influenced revenue{' '}
                    {money(c.influencedRevenue, currency)}.
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
};
