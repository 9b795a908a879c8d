// Create a key with a label; the answer holds the key itself, which is shown here once.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ErrorNote, Field } from '../ui/components';
import { useCreateApiKey, type CreatedApiKey } from './queries';

export function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const create = useCreateApiKey();
  const [label, setLabel] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(label.trim(), {
      onSuccess: (created) => {
        setLabel('');
        onCreated(created);
      },
    });
  };

  const error = create.error;
  const labelError = error instanceof ApiError && error.field === 'label' ? error.message : null;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create an API key</h2>
      {error && !labelError && <ErrorNote error={error} />}
      <div className="inline-fields">
        <Field
          label="Label"
          name="label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder="HR bot production"
          hint="What the key is for, so you can tell keys apart."
          required
          maxLength={100}
          error={labelError}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !label.trim()}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}
