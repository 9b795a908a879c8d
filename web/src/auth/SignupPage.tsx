import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, post } from '../api/client';
import { ErrorNote, Field } from '../ui/components';
import { SESSION_KEY } from './session';

const EXISTING_ACCOUNT =
  'This e-mail address and password do not sign in. If the address already has an account, nothing new was created: ' +
  'sign in with that account’s password, or ask your operator to reset it.';

/** Sign up: a new organization with you as its admin, or joining one with an invitation token. */
export function SignupPage() {
  const [params] = useSearchParams();
  const invite = params.get('invite');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body: Record<string, string> = { email: text('email'), password: String(form.get('password')) };
    if (text('first_name')) body.first_name = text('first_name');
    if (text('last_name')) body.last_name = text('last_name');
    if (invite) body.invite_token = invite;
    else {
      body.organization_name = text('organization_name');
      if (text('organization_slug')) body.organization_slug = text('organization_slug');
    }
    setBusy(true);
    setError(null);
    try {
      await post('/auth/register', body);
      try {
        await post('/auth/login', { email: body.email, password: body.password });
      } catch (err) {
        // The registration's answer is the same whether or not the address already had an account
        // (so that it tells no one who uses the installation): only signing in tells, to its owner.
        if (err instanceof ApiError && err.status === 401 && !invite) throw new ApiError(401, EXISTING_ACCOUNT, 'existing_account');
        throw err;
      }
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/', { replace: true });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => (error instanceof ApiError && error.field === name ? error.message : null);

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="signup-title">
        <h1 id="signup-title">{invite ? 'Join your organization' : 'Create your organization'}</h1>
        <ErrorNote error={error} />
        {!invite && (
          <>
            <Field label="Organization name" name="organization_name" required maxLength={200} error={fieldError('organization_name')} autoFocus />
            <Field
              label="Organization slug (optional)"
              name="organization_slug"
              hint="Used in the API's URLs; made from the name when empty."
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              error={fieldError('organization_slug')}
            />
          </>
        )}
        <Field label="First name" name="first_name" autoComplete="given-name" maxLength={100} />
        <Field label="Last name" name="last_name" autoComplete="family-name" maxLength={100} />
        <Field label="E-mail" name="email" type="email" autoComplete="email" required error={fieldError('email')} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters, not easy to guess: a few uncommon words work well."
          error={fieldError('password')}
        />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : invite ? 'Join' : 'Create organization'}
        </button>
        <p className="muted">
          Already have an account? <Link to="/login">Sign in</Link>
        </p>
      </form>
    </main>
  );
}
