// Your organization: name and slug; an admin can rename it (the slug never changes).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, patch } from '../api/client';
import type { Organization } from '../api/types';
import { SESSION_KEY } from '../auth/session';
import { ErrorNote, Field } from '../ui/components';
import { formatDateTime } from '../ui/format';

export function OrganizationCard({ organization, canRename }: { organization: Organization; canRename: boolean }) {
  return (
    <section className="card" aria-labelledby="org-title">
      <h2 id="org-title">Organization</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd data-testid="org-name">{organization.name}</dd>
        <dt>Slug</dt>
        <dd>
          <code>{organization.slug}</code> <span className="muted small">(in the API’s URLs; never changes)</span>
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(organization.created_at)}</dd>
      </dl>
      {canRename && <RenameForm name={organization.name} />}
    </section>
  );
}

function RenameForm({ name: currentName }: { name: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(currentName);
  const rename = useMutation({
    mutationFn: () => patch<Organization>('/api/v1/orgs/me', { name: name.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };
  const nameError = rename.error instanceof ApiError && rename.error.field === 'name' ? rename.error.message : null;
  return (
    <form onSubmit={submit} className="rename-form">
      {rename.error && !nameError && <ErrorNote error={rename.error} />}
      {rename.isSuccess && name.trim() === currentName && (
        <div className="note note-success" role="status">
          Organization renamed.
        </div>
      )}
      <div className="inline-fields">
        <Field
          label="Organization name"
          name="organization_name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
        />
        <button type="submit" className="btn" disabled={rename.isPending || !name.trim() || name.trim() === currentName}>
          {rename.isPending ? 'Renaming…' : 'Rename'}
        </button>
      </div>
    </form>
  );
}
