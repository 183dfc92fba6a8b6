import type { components } from '#client';
import { day } from '../format.js';
import { answer, asOfQuery } from '../ledger.js';
import { periodLabel } from '../periods.js';
import { useSession } from '../session.js';
import { Person } from '../components/person.js';
import { Show } from '../components/loading.js';
import { useLoad } from '../components/use-load.js';

type RetroBoard = components['schemas']['RetroBoardDto'];

const COLUMNS = [
  ['went-well', 'Went well'],
  ['to-improve', 'To improve'],
  ['learning', 'Learning'],
  ['kudos', 'Kudos'],
] as const;

const useRetros = (period: string, asOf: string | null) => {
  const { client } = useSession();
  return useLoad(
    () => answer(client.GET('/v1/retros', { params: { query: { period, ...asOfQuery(asOf) } } })),
    [period, asOf],
  );
};

const subjectOf = ({ subject }: RetroBoard): string =>
  subject.kind === 'campaign'
    ? `campaign ${subject.campaignId}`
    : subject.kind === 'deal'
      ? `deal ${subject.dealId}`
      : `period ${subject.period}`;

/** A blame-free retro board: anonymous notes carry no author, and none is shown. */
export const RetroBoardCard = ({ board }: { board: RetroBoard }) => (
  <li class="card retro" data-retro={board.retroId}>
    <h3>
      Retro on {subjectOf(board)} <span class="badge">{board.status}</span>
    </h3>
    <p class="muted">
      Opened {day(board.openedAt)}
      {board.closedAt && `, closed ${day(board.closedAt)}`}; facilitated by <Person id={board.facilitator} />.
    </p>
    {COLUMNS.map(([column, label]) => {
      const notes = board.columns[column];
      return notes.length === 0 ? null : (
        <div key={column}>
          <h4>{label}</h4>
          <ul>
            {notes.map((note) => (
              <li key={note.noteId}>
                {note.text}
                {note.author && (
                  <span class="muted">
                    {' '}
                    — <Person id={note.author} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      );
    })}
    {board.actionItems.length > 0 && (
      <>
        <h4>Action items</h4>
        <ul>
          {board.actionItems.map((item) => (
            <li key={item.actionItemId}>
              {item.description} — <Person id={item.owner} />, due {item.dueDate}
              {item.completed ? ' (done)' : ''}
            </li>
          ))}
        </ul>
      </>
    )}
  </li>
);

/** The retros with activity in a period, or a sentence saying there was none. */
export const RetroBoards = ({
  period,
  asOf,
  none,
}: {
  period: string;
  asOf: string | null;
  none: string;
}) => {
  const retros = useRetros(period, asOf);
  return (
    <Show loaded={retros}>
      {({ retros: boards }) =>
        boards.length === 0 ? (
          <p>{none}</p>
        ) : (
          <ul class="cards">
            {boards.map((board) => (
              <RetroBoardCard key={board.retroId} board={board} />
            ))}
          </ul>
        )
      }
    </Show>
  );
};

export const RetrosView = ({ period, asOf }: { period: string; asOf: string | null }) => (
  <section aria-labelledby="view-title">
    <h2 id="view-title">Retro boards — {periodLabel(period)}</h2>
    <RetroBoards
      period={period}
      asOf={asOf}
      none={`No retro was opened, written in or closed in ${period}.`}
    />
  </section>
);
