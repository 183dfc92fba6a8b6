import { PersonalDataVault, findChainBreak } from '#event-store';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';

/**
 * One realistic week (Mon 16 – Fri 20 Nov 2026) of a sales and a marketing
 * team, spoken to the ledger the way their CRM, automation and call tools would:
 * commands in, scorecard out — also with the log in EventStoreDB (the gRPC test double).
 */
describe.each([...backends, 'eventstoredb' as const])(
  'a week of sales and marketing on the ledger (%s)',
  (backend) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend, { LEDGER_CURRENCY: 'EUR' });
    });
    afterAll(() => t.close());

    const post = async (path: string, body: object, status = 201) => {
      const response = await t.http().post(path).send(body);
      if (response.status !== status)
        throw new Error(`${path}: expected ${status}, got ${response.status} ${response.text}`);
      return response;
    };
    const at = (day: number, time: string) => `2026-11-${String(15 + day).padStart(2, '0')}T${time}:00Z`;

    it('records the week, refuses what breaks the rules, and keeps authors and names out of the log', async () => {
      // Monday: the roster, and a campaign shared with sales before it is final.
      const team = { mia: 'marketing', noor: 'marketing', sam: 'sales', ana: 'sales', lee: 'sales' };
      for (const [id, side] of Object.entries(team)) {
        await post(`/v1/team-members/${id}/register`, {
          displayName: `Full Name ${id}`,
          team: side,
          occurredAt: at(1, '08:00'),
        });
      }
      const brief = {
        name: 'Q4 renewal push',
        offer: 'Two months free on annual renewal',
        channels: ['email', 'webinar'],
        audience: 'Customers renewing in Q1',
        talkingPoints: ['Lock in current price', 'Two months free'],
      };
      await post('/v1/campaigns/q4-renewal/propose', {
        ...brief,
        plannedLaunchDate: '2026-11-17',
        proposedBy: 'mia',
        occurredAt: at(1, '09:00'),
      });
      await post('/v1/campaigns/q4-renewal/review', {
        reviewedBy: 'sam',
        verdict: 'endorse',
        reasons: 'Customers keep asking for price locks',
        occurredAt: at(1, '11:00'),
      });
      await post('/v1/campaigns/q4-renewal/review', {
        reviewedBy: 'ana',
        verdict: 'concerns',
        reasons: 'The webinar date clashes with quarter close',
        occurredAt: at(1, '12:00'),
      });
      const wrongTeam = await post(
        '/v1/campaigns/q4-renewal/review',
        { reviewedBy: 'noor', verdict: 'endorse', reasons: 'Looks good' },
        422,
      );
      expect(wrongTeam.body).toMatchObject({
        type: '/problems/person-not-in-sales',
        errors: [{ field: 'reviewedBy' }],
      });

      // Tuesday: launch, briefings (one repeated), and a blindside from another campaign.
      const launch = await post('/v1/campaigns/q4-renewal/launch', {
        ...brief,
        launchedBy: 'mia',
        occurredAt: at(2, '09:00'),
      });
      const firstAck = await post('/v1/campaigns/q4-renewal/acknowledge-briefing', {
        acknowledgedBy: 'sam',
        occurredAt: at(2, '10:00'),
      });
      await post('/v1/campaigns/q4-renewal/acknowledge-briefing', {
        acknowledgedBy: 'ana',
        occurredAt: at(2, '10:30'),
      });
      const repeatAck = await t
        .http()
        .post('/v1/campaigns/q4-renewal/acknowledge-briefing')
        .set('Idempotency-Key', 'sam-ack-again')
        .send({ acknowledgedBy: 'sam', occurredAt: at(2, '15:00') });
      expect(repeatAck.status).toBe(201);
      expect(repeatAck.text).toBe(firstAck.text);
      await post('/v1/campaigns/spring-promo/report-blindside', {
        reportedBy: 'lee',
        customerReference: 'globex',
        note: 'Globex asked about a spring promo none of us had heard of',
        occurredAt: at(2, '14:00'),
      });

      // Wednesday: objections heard, content that answers one, an outdated deck withdrawn.
      await post('/v1/objections/obj-1/log', {
        category: 'price',
        text: 'Renewal price is above the competitor quote',
        heardBy: 'sam',
        dealId: 'deal-globex',
        occurredAt: at(3, '09:00'),
      });
      await post('/v1/objections/obj-2/log', {
        category: 'competitor',
        text: 'They are trialling a cheaper tool',
        heardBy: 'ana',
        occurredAt: at(3, '10:00'),
      });
      await post('/v1/objections/obj-3/log', {
        category: 'price',
        text: 'Marketing keeps sending us junk leads that only care about price',
        heardBy: 'lee',
        occurredAt: at(3, '11:00'),
      });
      await post('/v1/content/roi-calculator/address-objection', {
        category: 'price',
        title: 'ROI of annual plans',
        url: 'https://content.example.com/roi',
        publishedBy: 'noor',
        occurredAt: at(3, '15:00'),
      });
      await post('/v1/content/old-deck/address-objection', {
        category: 'competitor',
        title: '2024 comparison deck',
        url: 'https://content.example.com/deck',
        publishedBy: 'noor',
        occurredAt: at(3, '15:30'),
      });
      await post('/v1/content/old-deck/withdraw', { withdrawnBy: 'noor', occurredAt: at(3, '16:00') });

      // Leads: one followed up and accepted, one rejected with a reason code.
      await post('/v1/leads/lead-globex/hand-off', {
        handedOffBy: 'mia',
        assignedTo: 'sam',
        sourceCampaignId: 'q4-renewal',
        occurredAt: at(2, '11:00'),
      });
      await post('/v1/leads/lead-globex/follow-up', {
        followedUpBy: 'sam',
        channel: 'phone',
        occurredAt: at(2, '16:00'),
      });
      await post('/v1/leads/lead-globex/accept', { decidedBy: 'sam', occurredAt: at(2, '16:30') });
      await post('/v1/leads/lead-initech/hand-off', {
        handedOffBy: 'noor',
        assignedTo: 'ana',
        occurredAt: at(3, '09:00'),
      });
      await post('/v1/leads/lead-initech/follow-up', {
        followedUpBy: 'ana',
        channel: 'email',
        occurredAt: at(4, '10:00'),
      });
      await post('/v1/leads/lead-initech/reject', {
        decidedBy: 'ana',
        reasonCode: 'no-budget',
        reasonText: 'Budget frozen until their merger closes',
        occurredAt: at(4, '11:00'),
      });
      const early = await post('/v1/leads/lead-none/accept', { decidedBy: 'sam' }, 409);
      expect(early.body.type).toBe('/problems/lead-not-handed-off');

      // Thursday: deals, the shared goal (set, then revised), a joint huddle.
      await post('/v1/deals/deal-globex/record', {
        outcome: 'won',
        amount: 4_800_000,
        currency: 'EUR',
        closedAt: at(4, '15:00'),
        owner: 'sam',
        leadId: 'lead-globex',
        campaignIds: ['q4-renewal'],
        objectionCategories: ['price'],
      });
      await post('/v1/deals/deal-umbrella/record', {
        outcome: 'lost',
        amount: 1_200_000,
        currency: 'EUR',
        closedAt: at(4, '17:00'),
        owner: 'ana',
        lossReason: 'Chose the incumbent after a price match',
      });
      const dollars = await post(
        '/v1/deals/deal-usd/record',
        { outcome: 'won', amount: 100, currency: 'USD', closedAt: at(4, '17:00'), owner: 'ana' },
        422,
      );
      expect(dollars.body.type).toBe('/problems/currency-mismatch');
      await post('/v1/shared-goals/2026-Q4/set', {
        revenueTarget: 60_000_000,
        currency: 'EUR',
        setBy: 'mia',
        occurredAt: at(1, '08:30'),
      });
      await post('/v1/shared-goals/2026-Q4/set', {
        revenueTarget: 60_000_000,
        currency: 'EUR',
        leadFollowUpSlaHours: 12,
        setBy: 'sam',
        occurredAt: at(4, '09:00'),
      });
      await post('/v1/huddles/w47/hold', {
        heldAt: at(4, '09:30'),
        attendees: [
          { personId: 'mia', team: 'marketing' },
          { personId: 'sam', team: 'sales' },
          { personId: 'ana', team: 'sales' },
        ],
        numbersReviewed: true,
        working: ['Webinar leads convert well'],
        notWorking: ['Competitor comparison content is outdated'],
        objectionCategoriesDiscussed: ['price', 'competitor'],
        actionItems: [
          {
            actionItemId: 'ai-new-deck',
            description: 'Publish an updated comparison deck',
            owner: 'noor',
            dueDate: '2026-11-27',
          },
        ],
      });

      // Friday: the action item done (twice: the repeat answers with the first), a joint celebration, a retro.
      const done = await post('/v1/huddles/w47/action-items/ai-new-deck/complete', {
        completedBy: 'noor',
        occurredAt: at(5, '10:00'),
      });
      const doneAgain = await t
        .http()
        .post('/v1/huddles/w47/action-items/ai-new-deck/complete')
        .set('Idempotency-Key', 'again')
        .send({ completedBy: 'noor' });
      expect(doneAgain.text).toBe(done.text);
      await post('/v1/celebrations/globex-win/celebrate', {
        subject: { kind: 'deals', dealIds: ['deal-globex'] },
        attendees: [
          { personId: 'mia', team: 'marketing' },
          { personId: 'sam', team: 'sales' },
        ],
        occurredAt: at(5, '16:00'),
      });
      await post('/v1/retros/q4-renewal-retro/open', {
        subject: { kind: 'campaign', campaignId: 'q4-renewal' },
        facilitator: 'noor',
        occurredAt: at(5, '14:00'),
      });
      const anonymous = await post('/v1/retros/q4-renewal-retro/add-note', {
        noteId: 'n1',
        column: 'to-improve',
        text: 'The pricing sheet reached reps after the first customer calls',
      });
      await post('/v1/retros/q4-renewal-retro/add-note', {
        noteId: 'n2',
        column: 'kudos',
        text: 'The ROI calculator landed well with finance buyers',
        author: 'sam',
      });
      const blaming = await post(
        '/v1/retros/q4-renewal-retro/add-note',
        { noteId: 'n3', column: 'to-improve', text: 'Sales never follows up on the webinar leads' },
        422,
      );
      expect(blaming.body).toMatchObject({ type: '/problems/blaming-note', errors: [{ field: 'text' }] });
      expect(blaming.body.phrases.length).toBeGreaterThan(0);
      expect(typeof blaming.body.hint).toBe('string');
      await post('/v1/retros/q4-renewal-retro/close', {
        closedBy: 'noor',
        actionItems: [
          {
            actionItemId: 'ai-pricing-early',
            description: 'Send pricing sheets a week before launch',
            owner: 'mia',
            dueDate: '2026-12-01',
          },
        ],
      });
      const late = await post(
        '/v1/retros/q4-renewal-retro/add-note',
        { noteId: 'n4', column: 'learning', text: 'Late note' },
        409,
      );
      expect(late.body.type).toBe('/problems/retro-closed');

      // What the ledger now holds.
      const all = await t.store.readAll({ afterPosition: 0 });
      expect(findChainBreak(all)).toBeNull();
      const count = (type: string) => all.filter((e) => e.type === type).length;
      expect({
        members: count('TeamMemberRegistered'),
        reviews: count('CampaignReviewed'),
        acknowledgements: count('BriefingAcknowledged'),
        blindsides: count('BlindsideReported'),
        objections: count('ObjectionLogged'),
        deals: count('DealRecorded'),
        goals: count('SharedGoalSet'),
        completions: count('ActionItemCompleted'),
        notes: count('RetroNoteAdded'),
      }).toEqual({
        members: 5,
        reviews: 2,
        acknowledgements: 2,
        blindsides: 1,
        objections: 3,
        deals: 2,
        goals: 2,
        completions: 1,
        notes: 2,
      });
      const launched = all.find((e) => e.type === 'CampaignLaunched');
      expect(launched?.data).toMatchObject({ reviewedBySales: true, salesRosterSize: 3 });
      expect(launched?.globalPosition).toBe(launch.body.globalPosition);
      const goals = all.filter((e) => e.type === 'SharedGoalSet').map((e) => e.data);
      expect(goals).toMatchObject([
        { revision: 1, leadFollowUpSlaHours: 24 },
        { revision: 2, leadFollowUpSlaHours: 12 },
      ]);
      expect(all.find((e) => e.data.objectionId === 'obj-3')?.data.blameFlag).toBe(true);
      expect(all.find((e) => e.data.objectionId === 'obj-1')?.data.blameFlag).toBe(false);

      // The anonymous note: no author in the event, no actor in its metadata.
      const note = all.find((e) => e.globalPosition === anonymous.body.globalPosition);
      expect(note?.data.author).toBeNull();
      expect(note?.metadata.actor).toBeNull();
      // Display names are sealed: no name appears anywhere in the log, yet the vault opens them.
      expect(JSON.stringify(all)).not.toContain('Full Name');
      const sam = all.find((e) => e.type === 'TeamMemberRegistered' && e.data.personId === 'sam');
      const vault = new PersonalDataVault(t.database);
      expect(await vault.open('sam', String(sam?.data.sealedDisplayName))).toBe('Full Name sam');

      // The shared scorecard of the week (W47, Mon 16 – Sun 22 Nov), worked out by hand from the calls above.
      const head = all[all.length - 1].globalPosition;
      const client = await t.client();
      const scorecard = (period: string, minPosition?: number) =>
        client.GET('/v1/scorecards/{period}', { params: { path: { period }, query: { minPosition } } });
      const week = await scorecard('2026-W47', head);
      expect(week.response.status).toBe(200);
      expect(week.data).toMatchObject({
        period: '2026-W47',
        from: '2026-11-16T00:00:00.000Z',
        to: '2026-11-23T00:00:00.000Z',
        goal: null, // the goals are set for 2026-Q4
        // Globex won (4,800,000, cites q4-renewal); Umbrella lost; the USD deal was refused.
        revenue: { currency: 'EUR', won: 4_800_000, attainment: null, campaignInfluenced: 4_800_000 },
        deals: { won: 1, lost: 1, winRate: 0.5 },
        // No goal for the week, so 24 h: Globex answered after 5 h (300 min), Initech after 25 h (1,500 min).
        leads: {
          handedOff: 2,
          withinSla: 1,
          breached: 1,
          slaCompliance: 0.5,
          medianResponseMinutes: 900, // (300 + 1,500) / 2
          accepted: 1,
          rejected: 1,
          rejectionReasons: { 'no-budget': 1 },
        },
        // Reviewed by sam before launch; sam and ana acknowledged (the repeat appended nothing) of 3 reps.
        campaigns: { launched: 1, reviewedBeforeLaunch: 1, briefingCoverage: 2 / 3, blindsides: 1 },
        // Price has the ROI calculator; the competitor deck was withdrawn: 2 of 3 covered.
        objections: { logged: 3, byCategory: { competitor: 1, price: 2 }, coverage: 2 / 3 },
        huddles: { held: 1, joint: 1, weeklyCadence: 1 },
        // The huddle's item (done Friday); the retro's item was opened today, after the week.
        actionItems: { opened: 1, completed: 1, overdue: 0 },
        celebrations: { joint: 1 },
        blame: { flagged: 1 }, // obj-3 ("junk leads")
      });
      // The quarter has the goal as revised on Thursday: 12 h, so Initech's 25 h is still a breach.
      const { data: quarter } = await scorecard('2026-Q4');
      expect(quarter).toMatchObject({
        goal: { revenueTarget: 60_000_000, currency: 'EUR', leadFollowUpSlaHours: 12, revision: 2 },
        revenue: { won: 4_800_000, attainment: 0.08 },
        leads: { withinSla: 1, breached: 1 },
      });
      const bad = await scorecard('2026-W54');
      expect(bad.response.status).toBe(400);
      expect(bad.error).toMatchObject({ errors: [{ field: 'period' }] });
    });
  },
);
