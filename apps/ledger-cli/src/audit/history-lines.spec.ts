import { historyEvents } from './history-lines.js';

const hash = (digit: string) => digit.repeat(64);
const line = (position: number, text: string) =>
  JSON.stringify({ globalPosition: position, previousHash: hash('0'), hash: hash('a'), data: { text } });

async function* streamOf(chunks: Buffer[]) {
  yield* chunks;
}

const collect = async (chunks: Buffer[]) => {
  const events = [];
  for await (const event of historyEvents(streamOf(chunks))) events.push(event);
  return events;
};

describe('the lines of a history', () => {
  it('reads a character split between two chunks as the character (UTF-8 decoded across chunks)', async () => {
    const bytes = Buffer.from(`${line(1, 'Grüße “quoted” 🙂')}\n${line(2, 'ça')}\r\n`);
    // Cut at every byte: one of the cuts falls inside each multi-byte character.
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const events = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(events.map((event) => (event.data as { text: string }).text)).toEqual([
        'Grüße “quoted” 🙂',
        'ça',
      ]);
    }
  });

  it('passes over blank lines and takes a last line without a newline, numbering lines as a file does', async () => {
    const events = await collect([Buffer.from(`\n${line(1, 'a')}\n\n${line(2, 'b')}`)]);
    expect(events.map((event) => event.globalPosition)).toEqual([1, 2]);
    await expect(collect([Buffer.from(`${line(1, 'a')}\n\nnot json\n`)])).rejects.toThrow(
      /^line 3 is not JSON/,
    );
  });
});
