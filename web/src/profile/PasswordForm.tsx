// Change your password: the current one is checked by the server (its sentence shows next to the
// field); success signs out your other sessions, this one stays.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api/client';
import { ErrorNote, Field } from '../ui/components';

export function PasswordForm({ email }: { email: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => post('/api/v1/users/me/password', { current_password: current, new_password: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate();
  };

  const error = change.error;
  const fieldError = (name: string) => (error instanceof ApiError && error.field === name ? error.message : null);
  const currentError = fieldError('current_password');
  const newError = fieldError('new_password');
  return (
    <form className="card" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      {/* For password managers: which account this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {error && !currentError && !newError && <ErrorNote error={error} />}
      {change.isSuccess && (
        <div className="note note-success" role="status">
          Password changed. Your other sessions were signed out; this one stays signed in.
        </div>
      )}
      <Field
        label="Current password"
        name="current_password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={currentError}
      />
      <Field
        label="New password"
        name="new_password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={1024}
        hint="At least 8 characters."
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={newError}
      />
      <Field
        label="Repeat the new password"
        name="repeat_password"
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(e) => {
          setRepeat(e.target.value);
          setMismatch(false);
        }}
        error={mismatch ? 'The two new passwords differ' : null}
      />
      <div>
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
