import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { post } from '../api/client';
import { ErrorNote, Field } from '../ui/components';
import { SESSION_ENDED_KEY, SESSION_KEY } from './session';

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await post('/auth/login', { email: String(form.get('email')).trim(), password: String(form.get('password')) });
      queryClient.removeQueries({ queryKey: SESSION_ENDED_KEY });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate(params.get('next') ?? '/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to ChatLogger</h1>
        {params.get('expired') && !error && <div className="note">Your session has ended. Sign in again.</div>}
        <ErrorNote error={error} />
        <Field label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          New here? <Link to="/signup">Create an organization</Link>
        </p>
      </form>
    </main>
  );
}
