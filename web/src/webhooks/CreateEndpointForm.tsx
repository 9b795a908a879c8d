// A new endpoint: its URL, the events it wants, and whether chat events carry content.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ErrorNote, Field } from '../ui/components';
import { EVENT_TYPES, useCreateEndpoint, type Endpoint, type EventType } from './queries';

export function CreateEndpointForm({ onCreated }: { onCreated: (created: Endpoint & { secret: string }) => void }) {
  const create = useCreateEndpoint();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>(['chat.escalated', 'chat.forwarded_to_hr']);
  const [content, setContent] = useState(false);

  const toggle = (type: EventType) => setEvents((current) => (current.includes(type) ? current.filter((t) => t !== type) : [...current, type]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), events, description: description.trim() || undefined, include_content: content },
      { onSuccess: (created) => (setUrl(''), setDescription(''), onCreated(created)) },
    );
  };
  const error = create.error;
  const fieldError = (name: string) => (error instanceof ApiError && error.field?.startsWith(name) ? error.message : null);
  return (
    <form className="card webhook-form" onSubmit={submit} aria-labelledby="create-webhook-title">
      <h2 id="create-webhook-title">Add an endpoint</h2>
      {error && !fieldError('url') && !fieldError('events') && <ErrorNote error={error} />}
      <Field label="URL" name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://tickets.example.com/hooks/chatlogger" required maxLength={2000} error={fieldError('url')} />
      <Field label="Description (optional)" name="description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} />
      <fieldset className="event-choices">
        <legend>Events</legend>
        {EVENT_TYPES.map(([type, label]) => (
          <label key={type} className="checkbox">
            <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} /> {label} <code>{type}</code>
          </label>
        ))}
        {fieldError('events') && <small className="field-error">{fieldError('events')}</small>}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={content} onChange={(e) => setContent(e.target.checked)} /> Include chat content (title, transcript link, messages).
        Without it, chat events carry metadata only; never the IP address.
      </label>
      <div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !url.trim() || events.length === 0}>
          {create.isPending ? 'Adding…' : 'Add endpoint'}
        </button>
      </div>
    </form>
  );
}
