// Your first and last name (PATCH /api/v1/users/me); an empty field clears it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, patch } from '../api/client';
import type { User } from '../api/types';
import { SESSION_KEY } from '../auth/session';
import { ErrorNote, Field } from '../ui/components';

export function NameForm({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const [firstName, setFirstName] = useState(user.first_name ?? '');
  const [lastName, setLastName] = useState(user.last_name ?? '');
  const save = useMutation({
    mutationFn: () => patch<User>('/api/v1/users/me', { first_name: firstName.trim() || null, last_name: lastName.trim() || null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const fieldError = (name: string) => (save.error instanceof ApiError && save.error.field === name ? save.error.message : null);
  const unchanged = firstName.trim() === (user.first_name ?? '') && lastName.trim() === (user.last_name ?? '');

  return (
    <form className="card" onSubmit={submit} aria-labelledby="name-title">
      <h2 id="name-title">Your name</h2>
      {save.error && !fieldError('first_name') && !fieldError('last_name') && <ErrorNote error={save.error} />}
      {save.isSuccess && unchanged && (
        <div className="note note-success" role="status">
          Name saved.
        </div>
      )}
      <div className="inline-fields">
        <Field
          label="First name"
          name="first_name"
          autoComplete="given-name"
          maxLength={100}
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          error={fieldError('first_name')}
        />
        <Field
          label="Last name"
          name="last_name"
          autoComplete="family-name"
          maxLength={100}
          value={lastName}
          onChange={(e) => setLastName(e.target.value)}
          error={fieldError('last_name')}
        />
        <button type="submit" className="btn btn-primary" disabled={save.isPending || unchanged}>
          {save.isPending ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  );
}
