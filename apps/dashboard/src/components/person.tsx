import { useSession } from '../session.js';

/** A person as this key may see them: the display name with personal-data, else the id. */
export const Person = ({ id }: { id: string | null }) => {
  const { names } = useSession();
  if (id === null) return <span class="muted">—</span>;
  const name = names?.get(id);
  return name ? <span title={id}>{name}</span> : <code>{id}</code>;
};
