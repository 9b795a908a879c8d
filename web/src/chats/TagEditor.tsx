// A chat's tags. Admins and users add and remove them (PATCH add_tags / remove_tags); a viewer only
// reads them and sees no controls. The API stores tags trimmed and lowercased.
import { useId, useState, type FormEvent } from 'react';
import { ErrorNote } from '../ui/components';
import { Tags } from './cells';
import { useTagChange, useTags } from './useChats';

export function TagEditor({ chatId, tags, canEdit }: { chatId: string; tags: string[]; canEdit: boolean }) {
  const id = useId();
  const change = useTagChange(chatId);
  const suggestions = useTags(canEdit);
  const [draft, setDraft] = useState('');

  if (!canEdit) return <Tags tags={tags} />;

  const add = (event: FormEvent) => {
    event.preventDefault();
    const newTags = draft
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (newTags.length === 0) return;
    change.mutate({ add_tags: newTags }, { onSuccess: () => setDraft('') });
  };

  return (
    <div className="tag-editor">
      {tags.length === 0 ? (
        <p className="muted small">No tags yet.</p>
      ) : (
        <ul className="chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="chip chip-tag">
              <span>{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${tag}`}
                title="Remove this tag"
                disabled={change.isPending}
                onClick={() => change.mutate({ remove_tags: [tag] })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="tag-add" onSubmit={add}>
        <label htmlFor={`${id}-tag`} className="sr-only">
          Add tags
        </label>
        <input
          id={`${id}-tag`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="Add tags (comma-separated)"
          list={`${id}-suggestions`}
          maxLength={64 * 50}
          aria-invalid={change.isError ? true : undefined}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.data
            ?.filter((s) => !tags.includes(s.tag))
            .slice(0, 50)
            .map((s) => <option key={s.tag} value={s.tag} />)}
        </datalist>
        <button type="submit" className="btn btn-small" disabled={change.isPending || !draft.trim()}>
          Add
        </button>
      </form>
      <ErrorNote error={change.error} />
    </div>
  );
}
