import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { applyTheme, storedTheme } from './app/theme';
import './styles.css';

applyTheme(storedTheme());

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A page opened again shows what it had at once and asks afresh: the data changes all the time.
      staleTime: 0,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network errors and 5xx are retried once.
      retry: (count, error) => count < 1 && !((error as { status?: number }).status! >= 400 && (error as { status?: number }).status! < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
